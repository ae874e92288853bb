using System.Text.Json;

namespace IceWatch.Bench.Parse;

/// <summary>
/// The ceiling for parsing: one Utf8JsonReader pass over the same bytes, streamed through the same
/// 64 KB refilled buffer the parsers use, touching every token and nothing else. A leading non-JSON
/// line (rtcstats' "RTCStatsDump") is skipped and several top-level values are allowed.
/// </summary>
public static class JsonCeiling
{
    public static long CountTokens(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0;
        var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 256 });
        var tokens = 0L;
        var final = false;
        var first = true;
        while (true)
        {
            if (!final)
            {
                Array.Copy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
                if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var read = stream.Read(buffer, end, buffer.Length - end);
                final = read == 0;
                end += read;
                if (first && end > 0 && buffer[0] != (byte)'{' && buffer[0] != (byte)'[' && Array.IndexOf(buffer, (byte)'\n', 0, end) is var nl and >= 0)
                    start = nl + 1;
                first = false;
            }
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            while (reader.Read()) tokens++;
            start += (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (final) return tokens;
        }
    }
}
