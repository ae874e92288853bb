using System.Text;
using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads an rtcstats dump: the line "RTCStatsDump", a JSON metadata object, then one JSON array
/// per line, [method, peerConnectionId, value, ...extra, timeDelta], where timeDelta counts from
/// the previous line (the first from the epoch). Read one line at a time.
/// </summary>
public static class RtcStatsDumpReader
{
    public const string Magic = "RTCStatsDump";

    public static IEnumerable<IceEvent> Read(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        if (reader.ReadLine()?.Trim() != Magic)
        {
            throw new UploadFormatException($"expected \"{Magic}\" at line 1 of the rtcstats dump");
        }

        using (var metadata = Parse(reader.ReadLine(), 2))
        {
            if (metadata.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw JsonShape.Expected("a JSON object of metadata", "line 2 of the rtcstats dump", metadata.RootElement);
            }
        }

        var peerConnections = new Dictionary<string, RtcStatsPeerConnection>(StringComparer.Ordinal);
        double lastMs = 0;
        var lineNumber = 2;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            using var doc = Parse(line, lineNumber);
            var entry = doc.RootElement;
            if (entry.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var where = $"line {lineNumber}";
            if (entry.GetArrayLength() < 3 || entry[entry.GetArrayLength() - 1].ValueKind != JsonValueKind.Number)
            {
                throw new UploadFormatException($"expected [method, peerConnectionId, value, ..., timeDelta] at {where} of the rtcstats dump");
            }

            var delta = entry[entry.GetArrayLength() - 1].GetDouble();
            // Older writers put absolute times on every line rather than deltas.
            lastMs = delta > 1e12 && lastMs > 1e12 ? delta : lastMs + delta;
            if (entry[1].ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                continue; // not about a peer connection (getUserMedia and the like)
            }

            var id = entry[1].ValueKind == JsonValueKind.String ? entry[1].GetString()! : entry[1].GetRawText();
            var method = RtcStatsCompression.Method(entry[0].ValueKind == JsonValueKind.String ? entry[0].GetString()! : entry[0].GetRawText());
            if (method.Contains('.'))
            {
                continue; // navigator.mediaDevices.*, MediaStreamTrack.*: not peer connection APIs
            }
            if (!peerConnections.TryGetValue(id, out var pc))
            {
                peerConnections[id] = pc = new RtcStatsPeerConnection(id);
            }

            var value = entry.GetArrayLength() > 3 ? entry[2] : default;
            foreach (var e in pc.Read(method, value, EpochTime.FromMilliseconds(lastMs, where), where))
            {
                yield return e;
            }
        }

        var end = EpochTime.FromMilliseconds(lastMs, "the last rtcstats line");
        foreach (var id in peerConnections.Keys)
        {
            yield return new RecordingEnded(id, end);
        }
    }

    private static JsonDocument Parse(string? line, int lineNumber)
    {
        try
        {
            return JsonDocument.Parse(line ?? "", new JsonDocumentOptions { MaxDepth = UploadLimits.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            throw new UploadFormatException($"expected one JSON value at line {lineNumber} of the rtcstats dump: {e.Message}", e);
        }
    }
}
