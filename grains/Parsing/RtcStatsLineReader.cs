using System.Text;
using System.Text.Json;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads the lines of an rtcstats dump after its header, one at a time, from their UTF-8 bytes:
/// [method, peerConnectionId, value, ...extra, timeDelta], each already dated by
/// <see cref="RtcStatsClock"/>. getStats lines, nearly all of a dump, are read in one pass with no
/// document built, most of them without Utf8JsonReader (<see cref="RtcStatsLineScan"/>); the few
/// other lines as a JsonDocument. Keeps the state of the peer connections it has seen, so every
/// line of one peer connection must come to the same reader, in order.
/// </summary>
public sealed class RtcStatsLineReader(StatsFilter filter)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = UploadLimits.MaxJsonDepth };
    private readonly Dictionary<string, RtcStatsPeerConnection> peerConnections = new(StringComparer.Ordinal);
    private readonly List<RtcStatsSnapshot.Stats> stats = [];
    private readonly List<StatField> values = [];
    private readonly RtcStatsLineScan scan = new();

    /// <summary>Every peer connection seen so far.</summary>
    public IEnumerable<string> PeerConnectionIds => peerConnections.Keys;

    /// <summary>
    /// Reads one line into <paramref name="output"/>. <paramref name="time"/> is the line's time,
    /// null when it has no number last (then it is no array, which is passed over, or it is refused).
    /// </summary>
    public void Read(ReadOnlySpan<byte> line, int lineNumber, DateTimeOffset? time, UploadOutput output)
    {
        if (line.Trim(" \t\r\n"u8).IsEmpty)
        {
            return;
        }

        try
        {
            if (!TryReadStatsLine(line, lineNumber, time, output))
            {
                using var doc = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = UploadLimits.MaxJsonDepth });
                ReadOtherLine(doc.RootElement, $"line {lineNumber}", time, output);
            }
        }
        catch (JsonException e)
        {
            throw new UploadFormatException($"expected one JSON value at line {lineNumber} of the rtcstats dump: {e.Message}", e);
        }
    }

    // A getStats line about a peer connection; false (having changed nothing) for any other line.
    private bool TryReadStatsLine(ReadOnlySpan<byte> line, int lineNumber, DateTimeOffset? time, UploadOutput output)
    {
        var reader = new Utf8JsonReader(line, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read()
            || !JsonToken.TryCapture(ref reader, line, out var method) || !IsGetStats(method)
            || !reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            return false;
        }

        JsonToken.TryCapture(ref reader, line, out var idToken);
        var pc = PeerConnection(idToken);

        stats.Clear();
        values.Clear();
        reader.Read();
        var value = reader.TokenType;
        DateTimeOffset? common;
        var elements = 3;
        JsonToken last = default;
        if (value == JsonTokenType.StartObject && scan.TryScan(line, (int)reader.TokenStartIndex))
        {
            common = pc.Snapshot.Apply(scan, line, stats, values);
            elements += scan.ElementsAfter;
            last = scan.Last.In(line);
        }
        else
        {
            common = value == JsonTokenType.StartObject ? pc.Snapshot.Read(ref reader, line, stats, values) : Skip(ref reader);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                JsonToken.TryCapture(ref reader, line, out last);
                elements++;
            }

            if (reader.Read())
            {
                throw new UploadFormatException($"expected one JSON value at line {lineNumber} of the rtcstats dump");
            }
        }

        if (elements == 3 || last.Type != JsonTokenType.Number || time is null)
        {
            throw elements == 3 && value == JsonTokenType.Number
                ? new UploadFormatException($"expected an object of stats at line {lineNumber}, found nothing")
                : new UploadFormatException($"expected [method, peerConnectionId, value, ..., timeDelta] at line {lineNumber} of the rtcstats dump");
        }

        if (value != JsonTokenType.StartObject)
        {
            throw new UploadFormatException($"expected an object of stats at line {lineNumber}, found {JsonShape.Describe(JsonShape.KindOf(value))}");
        }

        pc.ReadStats(stats, values, common, time.Value, output);
        return true;
    }

    // The peer connection a line names: its id as a string unescaped, a number as written.
    private RtcStatsPeerConnection PeerConnection(JsonToken idToken)
    {
        var raw = idToken.Type == JsonTokenType.String ? idToken.Raw[1..^1] : idToken.Raw;
        if (raw.Length <= 128 && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> chars = stackalloc char[raw.Length];
            var length = Encoding.UTF8.GetChars(raw, chars);
            if (peerConnections.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..length], out var known))
            {
                return known;
            }
        }

        var id = idToken.Type == JsonTokenType.String ? idToken.Text() : idToken.ToString();
        if (!peerConnections.TryGetValue(id, out var pc))
        {
            peerConnections[id] = pc = new RtcStatsPeerConnection(id, filter);
        }

        return pc;
    }

    private void ReadOtherLine(JsonElement entry, string where, DateTimeOffset? time, UploadOutput output)
    {
        if (entry.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        if (entry.GetArrayLength() < 3 || entry[entry.GetArrayLength() - 1].ValueKind != JsonValueKind.Number || time is null)
        {
            throw new UploadFormatException($"expected [method, peerConnectionId, value, ..., timeDelta] at {where} of the rtcstats dump");
        }

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

        foreach (var e in pc.Read(method, entry.GetArrayLength() > 3 ? entry[2] : default, time.Value, where))
        {
            output.Add(e);
        }
    }

    // Nearly every line is getStats, spelled one of a few ways: those are told from the bytes.
    private static bool IsGetStats(JsonToken method) =>
        method.Raw.SequenceEqual("\"getStats\""u8) || method.Raw.SequenceEqual("\"g\""u8) || method.Raw.SequenceEqual("\"1\""u8) || method.Raw.SequenceEqual("1"u8)
        || (method.Type is JsonTokenType.String or JsonTokenType.Number
            && ApiEventNames.Normalize(RtcStatsCompression.Method(method.Type == JsonTokenType.String ? method.Text() : method.ToString())) == "getstats");

    private static DateTimeOffset? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
