namespace IceWatch.Grains.Regions;

/// <summary>An additive change to one bucket; applying every delta ever produced gives the exact counts.</summary>
public sealed record RegionCounterDelta(RegionBucketKey Key, long PeerConnections, long BytesRelayed, long BytesDirect);
