using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>Keeps what a reader gives out as events, for a caller that reads the upload as events.</summary>
public sealed class EventBuffer : UploadOutput
{
    public List<IceEvent> Events { get; } = [];

    /// <summary>The events <paramref name="output"/> holds, if it keeps any, cleared once all are given out.</summary>
    public static IEnumerable<IceEvent> Drain(UploadOutput output) => output is EventBuffer { Events.Count: > 0 } buffer ? buffer.Drain() : [];

    private IEnumerable<IceEvent> Drain()
    {
        foreach (var e in Events)
        {
            yield return e;
        }

        Events.Clear();
    }

    public override void Add(IceEvent e) => Events.Add(e);

    public override void AddStats(string peerConnectionId, DateTimeOffset time, string statsId, string statsType, ReadOnlySpan<StatField> values) =>
        Events.Add(new StatsObserved(peerConnectionId, time, statsId, statsType, ToDictionary(values)));

    private static IReadOnlyDictionary<string, object?> ToDictionary(ReadOnlySpan<StatField> values)
    {
        if (values.IsEmpty)
        {
            return StatsFilter.NoValues;
        }

        var dictionary = new Dictionary<string, object?>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            dictionary[name] = value.ToObject();
        }

        return dictionary;
    }
}
