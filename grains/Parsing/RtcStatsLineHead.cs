using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// What can be told of an rtcstats line, [method, peerConnectionId, value, ...extra, timeDelta],
/// without reading all of it: its time delta and whose line it is. The delta is the text after
/// the last comma: in valid JSON that is the last element only when the last element is a number
/// (a string, array or object element would end in a quote or a bracket). A line without one is
/// either no array (and dates nothing) or not of the format; <see cref="RtcStatsLineReader"/>
/// tells which.
/// </summary>
public static class RtcStatsLineHead
{
    public static bool TryReadDelta(ReadOnlySpan<byte> line, out double delta)
    {
        delta = 0;
        var trimmed = line.TrimEnd(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[^1] != (byte)']')
        {
            return false;
        }

        var body = trimmed[..^1];
        var last = body[(body.LastIndexOfAny((byte)',', (byte)'[') + 1)..].Trim(" \t\r\n"u8);
        if (last.IsEmpty || last[0] is not ((byte)'-' or >= (byte)'0' and <= (byte)'9'))
        {
            return false;
        }

        var reader = new Utf8JsonReader(last, isFinalBlock: true, state: default);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out delta) && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Which of <paramref name="partitions"/> the line belongs to: lines of one peer connection
    /// always land in the same one. Lines whose id cannot be read go to the first.
    /// </summary>
    public static int Partition(ReadOnlySpan<byte> line, int partitions, ref byte[] scratch)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read()
                || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number) || !reader.Read()
                || !JsonToken.TryCapture(ref reader, line, out var id) || id.Type is not (JsonTokenType.String or JsonTokenType.Number))
            {
                return 0;
            }

            // The id as the reader names the peer connection: a string unescaped, a number as written.
            var hash = new HashCode();
            hash.AddBytes(id.Type == JsonTokenType.String ? id.Utf8Text(ref scratch) : id.Raw);
            return (int)((uint)hash.ToHashCode() % (uint)partitions);
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
