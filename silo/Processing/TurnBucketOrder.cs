using IceWatch.Grains.Regions;

namespace IceWatch.Silo;

/// <summary>One lock order for TURN buckets across nodes, as for region buckets.</summary>
internal sealed class TurnBucketOrder : IComparer<TurnBucketKey>
{
    public static TurnBucketOrder Instance { get; } = new();

    public int Compare(TurnBucketKey? x, TurnBucketKey? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.TurnUrl, y.TurnUrl);
        if (c == 0) c = x.Minute.CompareTo(y.Minute);
        if (c == 0) c = string.CompareOrdinal(x.Outcome, y.Outcome);
        if (c == 0) c = string.CompareOrdinal(x.Category, y.Category);
        return c;
    }
}
