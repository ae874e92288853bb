using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads one entry of a webrtc-internals "updateLog" straight from its bytes, giving what
/// <see cref="WebrtcInternalsLogEntry.TryRead"/> gives, when it is an object of strings, numbers and
/// literals (as Chrome writes them: the values are SDP and JSON text, dense with escapes). Anything
/// else (another shape, a fault, the end of the buffer) it leaves to the reader.
/// </summary>
public static class WebrtcInternalsLogEntryScan
{
    /// <summary>
    /// The bytes the next entry takes, with the comma before it when it follows a value
    /// (<paramref name="afterValue"/>) and up to its closing brace; 0 when the reader must read it.
    /// </summary>
    public static int TryRead(ReadOnlySpan<byte> input, bool afterValue, out WebrtcInternalsLogEntry entry)
    {
        entry = default;
        var members = new JsonScalarMembers(input, JsonScan.NextValue(input, afterValue));
        while (members.Next())
        {
            var name = input[(members.NameStart + 1)..(members.NameEnd - 1)];
            if (name.SequenceEqual("type"u8))
            {
                entry.Type = members.Value;
            }
            else if (name.SequenceEqual("value"u8))
            {
                entry.Value = members.Value;
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                entry.Timestamp = members.Value;
            }
            else if (name.SequenceEqual("time"u8))
            {
                entry.Time = members.Value;
            }
        }

        entry.Kind = JsonTokenType.StartObject;
        return Math.Max(members.End, 0);
    }
}
