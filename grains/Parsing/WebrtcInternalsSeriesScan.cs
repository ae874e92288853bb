using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads one entry of a webrtc-internals "stats" object straight from its bytes, giving what
/// <see cref="WebrtcInternalsSeriesText.TryRead"/> gives, when the entry has the shape Chrome writes:
/// a key without escapes and an object of strings, numbers and literals. Utf8JsonReader checks a
/// string byte by byte from its first backslash on, and a string series is mostly escaped quotes
/// ("[\"audio\",\"audio\"]"); this checks the same rules a run of plain bytes at a time. Whatever
/// else it meets (another shape, a fault, \u escapes, bytes above ASCII, the end of the buffer)
/// it leaves to the reader, which reads it, or fails, exactly as without this.
/// </summary>
public static class WebrtcInternalsSeriesScan
{
    /// <summary>
    /// The bytes the next entry takes, with the comma before it when it follows a value
    /// (<paramref name="afterValue"/>) and up to its closing brace; 0 when the reader must read it.
    /// </summary>
    public static int TryRead(ReadOnlySpan<byte> input, bool afterValue, out WebrtcInternalsSeriesText series)
    {
        series = default;
        var at = JsonScan.NextValue(input, afterValue);
        var keyEnd = JsonScan.StringEnd(input, at, out var keyEscaped);
        if (keyEnd < 0 || keyEscaped)
        {
            return 0;
        }

        series.Key = new JsonToken(JsonTokenType.PropertyName, input[at..keyEnd]);
        at = JsonScan.SkipSpace(input, keyEnd);
        if (!JsonScan.Is(input, at, (byte)':'))
        {
            return 0;
        }

        at = JsonScan.SkipSpace(input, at + 1);
        var members = new JsonScalarMembers(input, at);
        while (members.Next())
        {
            Assign(ref series, input[(members.NameStart + 1)..(members.NameEnd - 1)], members.Value);
        }

        if (members.End < 0)
        {
            return 0;
        }

        series.Value = new JsonToken(JsonTokenType.StartObject, input[at..members.End]);
        return members.End;
    }

    private static void Assign(ref WebrtcInternalsSeriesText series, ReadOnlySpan<byte> name, JsonToken value)
    {
        if (name.SequenceEqual("statsType"u8))
        {
            series.StatsType = value;
        }
        else if (name.SequenceEqual("startTime"u8))
        {
            series.StartTime = value;
        }
        else if (name.SequenceEqual("endTime"u8))
        {
            series.EndTime = value;
        }
        else if (name.SequenceEqual("values"u8))
        {
            series.Values = value;
        }
        else if (name.SequenceEqual("timestamps"u8))
        {
            series.Timestamps = value;
        }
    }
}
