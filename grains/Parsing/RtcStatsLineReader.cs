using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads the lines of an rtcstats dump after its header, one at a time, from their UTF-8 bytes:
/// [method, peerConnectionId, value, ...extra, timeDelta]. getStats lines, nearly all of a dump,
/// are read in one pass with no document built; the few other lines as a JsonDocument.
/// </summary>
public sealed class RtcStatsLineReader(Utf8LineReader lines, StatsFilter filter)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = UploadLimits.MaxJsonDepth };
    private readonly Dictionary<string, RtcStatsPeerConnection> peerConnections = new(StringComparer.Ordinal);
    private readonly List<RtcStatsSnapshot.Stats> stats = [];
    private double lastMs;

    public int LineNumber { get; private set; } = 2;

    /// <summary>Every peer connection seen so far.</summary>
    public IEnumerable<string> PeerConnectionIds => peerConnections.Keys;

    /// <summary>The time of the last line read.</summary>
    public double LastMs => lastMs;

    /// <summary>Reads the next line into <paramref name="events"/>; false at the end of the dump.</summary>
    public bool ReadLine(List<IceEvent> events)
    {
        if (!lines.TryReadLine(out var line))
        {
            return false;
        }

        LineNumber++;
        if (line.Trim(" \t\r\n"u8).IsEmpty)
        {
            return true;
        }

        try
        {
            if (!TryReadStatsLine(line, events))
            {
                using var doc = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = UploadLimits.MaxJsonDepth });
                ReadOtherLine(doc.RootElement, events);
            }
        }
        catch (JsonException e)
        {
            throw new UploadFormatException($"expected one JSON value at line {LineNumber} of the rtcstats dump: {e.Message}", e);
        }

        return true;
    }

    // A getStats line about a peer connection; false (having changed nothing) for any other line.
    private bool TryReadStatsLine(ReadOnlySpan<byte> line, List<IceEvent> events)
    {
        var reader = new Utf8JsonReader(line, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read()
            || !JsonToken.TryCapture(ref reader, line, out var method) || !IsGetStats(method)
            || !reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            return false;
        }

        JsonToken.TryCapture(ref reader, line, out var idToken);
        var id = idToken.Type == JsonTokenType.String ? idToken.Text() : idToken.ToString();
        if (!peerConnections.TryGetValue(id, out var pc))
        {
            peerConnections[id] = pc = new RtcStatsPeerConnection(id, filter);
        }

        stats.Clear();
        reader.Read();
        var value = reader.TokenType;
        var common = value == JsonTokenType.StartObject ? pc.Snapshot.Read(ref reader, line, stats) : Skip(ref reader);
        var elements = 3;
        JsonToken last = default;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            JsonToken.TryCapture(ref reader, line, out last);
            elements++;
        }

        if (reader.Read())
        {
            throw new UploadFormatException($"expected one JSON value at line {LineNumber} of the rtcstats dump");
        }

        var where = $"line {LineNumber}";
        if (elements == 3 || last.Type != JsonTokenType.Number || !last.TryGetDouble(out var delta))
        {
            throw elements == 3 && value == JsonTokenType.Number
                ? new UploadFormatException($"expected an object of stats at {where}, found nothing")
                : new UploadFormatException($"expected [method, peerConnectionId, value, ..., timeDelta] at {where} of the rtcstats dump");
        }

        if (value != JsonTokenType.StartObject)
        {
            throw new UploadFormatException($"expected an object of stats at {where}, found {JsonShape.Describe(Kind(value))}");
        }

        var time = Advance(delta, where);
        pc.ReadStats(stats, common, time, events);
        return true;
    }

    private void ReadOtherLine(JsonElement entry, List<IceEvent> events)
    {
        if (entry.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var where = $"line {LineNumber}";
        if (entry.GetArrayLength() < 3 || entry[entry.GetArrayLength() - 1].ValueKind != JsonValueKind.Number)
        {
            throw new UploadFormatException($"expected [method, peerConnectionId, value, ..., timeDelta] at {where} of the rtcstats dump");
        }

        var time = Advance(entry[entry.GetArrayLength() - 1].GetDouble(), where);
        if (entry[1].ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return; // not about a peer connection (getUserMedia and the like)
        }

        var id = entry[1].ValueKind == JsonValueKind.String ? entry[1].GetString()! : entry[1].GetRawText();
        var method = RtcStatsCompression.Method(entry[0].ValueKind == JsonValueKind.String ? entry[0].GetString()! : entry[0].GetRawText());
        if (method.Contains('.'))
        {
            return; // navigator.mediaDevices.*, MediaStreamTrack.*: not peer connection APIs
        }

        if (!peerConnections.TryGetValue(id, out var pc))
        {
            peerConnections[id] = pc = new RtcStatsPeerConnection(id, filter);
        }

        events.AddRange(pc.Read(method, entry.GetArrayLength() > 3 ? entry[2] : default, time, where));
    }

    // Older writers put absolute times on every line rather than deltas.
    private DateTimeOffset Advance(double delta, string where)
    {
        lastMs = delta > 1e12 && lastMs > 1e12 ? delta : lastMs + delta;
        return EpochTime.FromMilliseconds(lastMs, where);
    }

    private static bool IsGetStats(JsonToken method) =>
        method.Type is JsonTokenType.String or JsonTokenType.Number
        && ApiEventNames.Normalize(RtcStatsCompression.Method(method.Type == JsonTokenType.String ? method.Text() : method.ToString())) == "getstats";

    private static DateTimeOffset? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static JsonValueKind Kind(JsonTokenType type) => type switch
    {
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };
}
