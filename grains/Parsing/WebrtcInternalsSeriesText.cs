using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// One entry of a webrtc-internals "stats" object as it stands in the dump's bytes:
/// "&lt;statsId&gt;-&lt;field&gt;": { "statsType", "startTime", "endTime", "values" (and in some versions
/// "timestamps") }. Nothing is decoded here; the spans point into the read buffer.
/// </summary>
public ref struct WebrtcInternalsSeriesText
{
    /// <summary>What the next entry of the stats object turned out to be.</summary>
    public enum Next { Series, EndOfStats, NeedMoreInput }

    /// <summary>The entry's name, a JSON string with its quotes.</summary>
    public JsonToken Key;

    /// <summary>The entry's value; only an object is a series.</summary>
    public JsonToken Value;

    public JsonToken StatsType;
    public JsonToken StartTime;
    public JsonToken EndTime;
    public JsonToken Values;
    public JsonToken Timestamps;

    /// <summary>
    /// Reads the next entry, or the end of the stats object. Reads it whole or not at all: when the
    /// buffer ends first the reader is left where it was.
    /// </summary>
    public static Next TryRead(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, out WebrtcInternalsSeriesText series)
    {
        series = default;
        var at = reader;
        if (!reader.Read())
        {
            return Incomplete(ref reader, at);
        }

        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            return Next.EndOfStats;
        }

        if (!JsonToken.TryCapture(ref reader, input, out series.Key) || !reader.Read())
        {
            return Incomplete(ref reader, at);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonToken.TryCapture(ref reader, input, out series.Value) ? Next.Series : Incomplete(ref reader, at);
        }

        var objectStart = (int)reader.TokenStartIndex;
        while (true)
        {
            if (!reader.Read())
            {
                return Incomplete(ref reader, at);
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                series.Value = new JsonToken(JsonTokenType.StartObject, input[objectStart..(int)reader.BytesConsumed]);
                return Next.Series;
            }

            var property = Property(ref reader);
            if (!reader.Read() || !JsonToken.TryCapture(ref reader, input, out var value))
            {
                return Incomplete(ref reader, at);
            }

            switch (property)
            {
                case "statsType": series.StatsType = value; break;
                case "startTime": series.StartTime = value; break;
                case "endTime": series.EndTime = value; break;
                case "values": series.Values = value; break;
                case "timestamps": series.Timestamps = value; break;
            }
        }
    }

    // The series' properties the readers use; any other is passed over.
    private static string? Property(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("statsType"u8) ? "statsType"
        : reader.ValueTextEquals("startTime"u8) ? "startTime"
        : reader.ValueTextEquals("endTime"u8) ? "endTime"
        : reader.ValueTextEquals("values"u8) ? "values"
        : reader.ValueTextEquals("timestamps"u8) ? "timestamps"
        : null;

    private static Next Incomplete(ref Utf8JsonReader reader, Utf8JsonReader at)
    {
        reader = at;
        return Next.NeedMoreInput;
    }
}
