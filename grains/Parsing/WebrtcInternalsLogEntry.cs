using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// One entry of a webrtc-internals "updateLog" as it stands in the dump's bytes: { "type", "value",
/// "timestamp" } ("time" in older versions). Nothing is decoded here; the spans point into the read buffer.
/// </summary>
public ref struct WebrtcInternalsLogEntry
{
    /// <summary>What the next element of the log turned out to be.</summary>
    public enum Next { Entry, EndOfLog, NeedMoreInput }

    /// <summary>The element's first token: only an object is an entry.</summary>
    public JsonTokenType Kind;

    public JsonToken Type;
    public JsonToken Value;
    public JsonToken Timestamp;
    public JsonToken Time;

    /// <summary>
    /// Reads the next element, or the end of the log. Reads it whole or not at all: when the buffer
    /// ends first the reader is left where it was.
    /// </summary>
    public static Next TryRead(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, out WebrtcInternalsLogEntry entry)
    {
        entry = default;
        var at = reader;
        if (!reader.Read())
        {
            return Incomplete(ref reader, at);
        }

        entry.Kind = reader.TokenType;
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return Next.EndOfLog;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonToken.TryCapture(ref reader, input, out _) ? Next.Entry : Incomplete(ref reader, at);
        }

        while (true)
        {
            if (!reader.Read())
            {
                return Incomplete(ref reader, at);
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return Next.Entry;
            }

            var name = reader.ValueTextEquals("type"u8) ? 1 : reader.ValueTextEquals("value"u8) ? 2
                : reader.ValueTextEquals("timestamp"u8) ? 3 : reader.ValueTextEquals("time"u8) ? 4 : 0;
            if (!reader.Read() || !JsonToken.TryCapture(ref reader, input, out var value))
            {
                return Incomplete(ref reader, at);
            }

            switch (name)
            {
                case 1: entry.Type = value; break;
                case 2: entry.Value = value; break;
                case 3: entry.Timestamp = value; break;
                case 4: entry.Time = value; break;
            }
        }
    }

    private static Next Incomplete(ref Utf8JsonReader reader, Utf8JsonReader at)
    {
        reader = at;
        return Next.NeedMoreInput;
    }
}
