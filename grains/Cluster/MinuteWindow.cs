namespace IceWatch.Grains.Cluster;

/// <summary>
/// Summed counter deltas per minute bucket over a sliding span, in memory: what a region or TURN
/// grain counts between rebuilds from the minute tables.
/// </summary>
public sealed class MinuteWindow<TKey, TDelta>(Func<TDelta, TKey> keyOf, Func<TKey, DateTimeOffset> minuteOf, Func<TDelta, TDelta, TDelta> sum)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TDelta> _buckets = [];

    public IEnumerable<TDelta> Buckets => _buckets.Values;

    public bool IsEmpty => _buckets.Count == 0;

    public void Reset(IEnumerable<TDelta> rows)
    {
        _buckets.Clear();
        foreach (var row in rows) Add(row);
    }

    public void Add(TDelta delta)
    {
        var key = keyOf(delta);
        _buckets[key] = _buckets.TryGetValue(key, out var known) ? sum(known, delta) : delta;
    }

    public void DropBefore(DateTimeOffset minute)
    {
        foreach (var key in _buckets.Keys.Where(k => minuteOf(k) < minute).ToList()) _buckets.Remove(key);
    }
}
