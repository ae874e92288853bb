using System.Text;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Which getStats values the readers give out. <see cref="All"/>: every field of every stats
/// object. <see cref="Timeline"/>: only the fields the timeline folds; every other stats object
/// leaves just the times it was seen at (a StatsObserved without values), so the facts come out
/// the same while most of the dump is passed over without being decoded.
/// </summary>
public sealed class StatsFilter
{
    private readonly Dictionary<string, HashSet<string>>? fields;

    private StatsFilter(IReadOnlyDictionary<string, string[]>? fieldsByType)
    {
        fields = fieldsByType?.ToDictionary(p => p.Key, p => p.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        if (fields is not null)
        {
            // A delta snapshot may leave out the type of an object sent in an earlier upload: the
            // timeline still knows it, so such an object keeps every field of every kept type.
            fields[""] = fields.Values.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        }
    }

    public static StatsFilter All { get; } = new(null);

    public static StatsFilter Timeline { get; } = new(StatsFold.FieldsRead);

    /// <summary>Values that carry no fields: a stats object seen at some time.</summary>
    public static IReadOnlyDictionary<string, object?> NoValues { get; } = new Dictionary<string, object?>();

    public bool KeepsEverything => fields is null;

    /// <summary>True when some fields of this stats type are kept.</summary>
    public bool Keeps(string statsType) => fields is null || fields.ContainsKey(statsType);

    /// <summary>The field's name when it is kept for this (kept) type, or null; allocates nothing for a field left out.</summary>
    public string? KeptField(string statsType, ReadOnlySpan<byte> utf8Name)
    {
        if (utf8Name.Length > 128)
        {
            return fields is null ? Encoding.UTF8.GetString(utf8Name) : null;
        }

        Span<char> chars = stackalloc char[utf8Name.Length];
        var length = Encoding.UTF8.GetChars(utf8Name, chars);
        return KeptField(statsType, chars[..length]);
    }

    public string? KeptField(string statsType, ReadOnlySpan<char> name)
    {
        if (fields is null)
        {
            return new string(name);
        }

        return fields.TryGetValue(statsType, out var kept) && kept.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var field)
            ? field
            : null;
    }
}
