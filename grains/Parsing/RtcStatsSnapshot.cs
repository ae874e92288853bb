using System.Text;
using System.Text.Json;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads the getStats values of one peer connection in an rtcstats dump, straight from the line's
/// bytes. Snapshots may be delta-compressed against the previous one: an object left out did not
/// change, a field left out kept its value, null means the object is gone, and the type is only
/// sent the first time; the common timestamp moves to a top-level "t". Fields the filter leaves
/// out are passed over; a stats object whose type it leaves out gives only its time.
/// </summary>
public sealed class RtcStatsSnapshot(StatsFilter filter)
{
    private readonly Dictionary<string, string> types = new(StringComparer.Ordinal);
    private readonly TextCache<string> typeNames = new(RtcStatsCompression.StatsType);
    private readonly List<(int NameStart, int NameLength, JsonTokenType Type, int ValueStart, int ValueLength)> fields = [];

    /// <summary>
    /// One stats object of a snapshot, still to be dated with the line's time when it has no time of
    /// its own; its kept fields are <paramref name="FieldCount"/> values from <paramref name="FieldsAt"/>.
    /// </summary>
    public readonly record struct Stats(string StatsId, string StatsType, DateTimeOffset? Time, int FieldsAt, int FieldCount);

    /// <summary>
    /// Reads the snapshot object the reader stands on, its objects into <paramref name="stats"/> and
    /// their kept fields into <paramref name="values"/>; returns its common time, if any.
    /// </summary>
    public DateTimeOffset? Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, List<Stats> stats, List<StatField> values)
    {
        fields.Clear();
        DateTimeOffset? common = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            JsonToken.TryCapture(ref reader, line, out var name);
            var isCommonTime = reader.ValueTextEquals(RtcStatsCompression.TimestampKey);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                common = isCommonTime ? null : common;
                ReadObject(ref reader, line, name, stats, values);
                continue;
            }

            JsonToken.TryCapture(ref reader, line, out var value);
            common = isCommonTime ? Time(value) : common;
            if (value.Type == JsonTokenType.Null)
            {
                types.Remove(name.Text());
            }
        }

        return common;
    }

    /// <summary>As <see cref="Read"/>, for a line <paramref name="scan"/> found of the common shape.</summary>
    public DateTimeOffset? Apply(RtcStatsLineScan scan, ReadOnlySpan<byte> line, List<Stats> stats, List<StatField> values)
    {
        fields.Clear();
        DateTimeOffset? common = null;
        foreach (var entry in scan.Entries)
        {
            var name = entry.Name.In(line);
            var isCommonTime = name.Raw[1..^1].SequenceEqual("t"u8);
            if (entry.Value.Type == JsonTokenType.StartObject)
            {
                common = isCommonTime ? null : common;
                var (type, own, fieldsFrom) = ((string?)null, (DateTimeOffset?)null, fields.Count);
                for (var i = entry.FieldsFrom; i < entry.FieldsFrom + entry.FieldCount; i++)
                {
                    var (fieldName, value) = scan.Fields[i];
                    Field(Kind(line.Slice(fieldName.Start + 1, fieldName.Length - 2)), fieldName.Start, fieldName.Length, value.In(line), value.Start, ref type, ref own);
                }

                AddObject(line, name, type, own, fieldsFrom, stats, values);
                continue;
            }

            var scalar = entry.Value.In(line);
            common = isCommonTime ? Time(scalar) : common;
            if (scalar.Type == JsonTokenType.Null)
            {
                types.Remove(name.Text());
            }
        }

        return common;
    }

    // Reads the stats object the reader stands on, to its end.
    private void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, JsonToken id, List<Stats> stats, List<StatField> values)
    {
        var (type, own, fieldsFrom) = ((string?)null, (DateTimeOffset?)null, fields.Count);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var nameLength = reader.ValueSpan.Length + 2;
            var kind = reader.ValueIsEscaped ? EscapedKind(ref reader) : Kind(reader.ValueSpan);
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            JsonToken.TryCapture(ref reader, line, out var value);
            Field(kind, nameStart, nameLength, value, valueStart, ref type, ref own);
        }

        AddObject(line, id, type, own, fieldsFrom, stats, values);
    }

    private enum FieldKind { Kept, Type, Timestamp, Skipped }

    // What a field is to the timeline, from its (unescaped) name.
    private static FieldKind Kind(ReadOnlySpan<byte> name) => name.Length switch
    {
        0 => FieldKind.Kept,
        _ when name[0] == '[' => FieldKind.Skipped,
        1 => name[0] == 't' ? FieldKind.Timestamp : FieldKind.Kept,
        2 => name.SequenceEqual("id"u8) ? FieldKind.Skipped : FieldKind.Kept,
        4 => name.SequenceEqual("type"u8) ? FieldKind.Type : FieldKind.Kept,
        9 => name.SequenceEqual("timestamp"u8) ? FieldKind.Timestamp : FieldKind.Kept,
        _ => FieldKind.Kept,
    };

    private static FieldKind EscapedKind(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("type"u8) ? FieldKind.Type
        : reader.ValueTextEquals("timestamp"u8) || reader.ValueTextEquals(RtcStatsCompression.TimestampKey) ? FieldKind.Timestamp
        : reader.ValueTextEquals("id"u8) || reader.ValueSpan.StartsWith("["u8) ? FieldKind.Skipped
        : FieldKind.Kept;

    private void Field(FieldKind kind, int nameStart, int nameLength, JsonToken value, int valueStart, ref string? type, ref DateTimeOffset? own)
    {
        switch (kind)
        {
            case FieldKind.Type:
                // A type that is no string (true, an object) is taken as its JSON text, as a number is.
                type = value.Type switch
                {
                    JsonTokenType.String => typeNames.Get(value),
                    JsonTokenType.Null => RtcStatsCompression.StatsType(""),
                    _ => RtcStatsCompression.StatsType(value.ToString()),
                };
                break;
            case FieldKind.Timestamp:
                own = Time(value);
                break;
            case FieldKind.Kept:
                fields.Add((nameStart, nameLength, value.Type, valueStart, value.Raw.Length));
                break;
        }
    }

    // Gives out one stats object, its kept fields from `fieldsFrom` on.
    private void AddObject(ReadOnlySpan<byte> line, JsonToken id, string? type, DateTimeOffset? own, int fieldsFrom, List<Stats> stats, List<StatField> values)
    {
        var statsId = Remember(id, type, out var knownType);
        if (fields.Count == fieldsFrom)
        {
            return;
        }

        if (filter.Keeps(knownType))
        {
            var at = values.Count;
            AddValues(line, knownType, fieldsFrom, values);
            stats.Add(new Stats(statsId, knownType, own, at, values.Count - at));
        }
        else if (stats.Count == 0 || stats[^1].Time != own || filter.Keeps(stats[^1].StatsType))
        {
            // Objects the filter leaves out only date the snapshot: one of them per time is enough.
            stats.Add(new Stats(statsId, knownType, own, values.Count, 0));
        }
    }

    // Keeps the type of each stats id for later snapshots that leave it out.
    private string Remember(JsonToken id, string? type, out string knownType)
    {
        Span<char> chars = stackalloc char[Math.Min(id.Raw.Length, 256)];
        ReadOnlySpan<char> text = id.Raw.Length <= 256 && id.Raw.IndexOf((byte)'\\') < 0 ? chars[..Encoding.UTF8.GetChars(id.Raw[1..^1], chars)] : id.Text();
        var lookup = types.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var statsId, out var known) && (type is null || type == known))
        {
            knownType = known;
            return statsId;
        }

        statsId = new string(text);
        if (type is not null)
        {
            types[statsId] = type;
        }

        knownType = type ?? "";
        return statsId;
    }

    private void AddValues(ReadOnlySpan<byte> obj, string type, int fieldsFrom, List<StatField> values)
    {
        for (var i = fieldsFrom; i < fields.Count; i++)
        {
            var (nameStart, nameLength, valueType, valueStart, valueLength) = fields[i];
            if (Name(obj.Slice(nameStart, nameLength), type) is { } name)
            {
                values.Add(new StatField(name, new JsonToken(valueType, obj.Slice(valueStart, valueLength)).ToStatValue()));
            }
        }
    }

    // The field's full name when the filter keeps it; a field left out costs no string.
    private string? Name(ReadOnlySpan<byte> quoted, string type)
    {
        Span<char> chars = stackalloc char[128];
        ReadOnlySpan<char> name = quoted.Length <= 130 && quoted.IndexOf((byte)'\\') < 0
            ? chars[..Encoding.UTF8.GetChars(quoted[1..^1], chars)]
            : new JsonToken(JsonTokenType.String, quoted).Text();
        return RtcStatsCompression.Property(name) is { } full
            ? filter.KeptField(type, full.AsSpan()) is null ? null : full
            : filter.KeptField(type, name);
    }

    private static DateTimeOffset? Time(JsonToken value) =>
        value.Type == JsonTokenType.Number && value.TryGetDouble(out var ms) && ms is > 1e12 and < 1e14
            ? DateTimeOffset.UnixEpoch.AddMilliseconds(ms)
            : null;
}
