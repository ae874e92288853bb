using IceWatch.Grains.Regions;

namespace IceWatch.Silo;

internal sealed class BucketOrder : IComparer<RegionBucketKey>
{
    public static BucketOrder Instance { get; } = new();

    public int Compare(RegionBucketKey? x, RegionBucketKey? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = x.Minute.CompareTo(y.Minute);
        if (c == 0) c = string.CompareOrdinal(x.Outcome, y.Outcome);
        if (c == 0) c = string.CompareOrdinal(x.Category, y.Category);
        if (c == 0) c = string.CompareOrdinal(x.LocalType, y.LocalType);
        if (c == 0) c = string.CompareOrdinal(x.RemoteType, y.RemoteType);
        if (c == 0) c = string.CompareOrdinal(x.RelayProtocol, y.RelayProtocol);
        return c;
    }
}
