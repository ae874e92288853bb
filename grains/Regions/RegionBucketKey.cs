namespace IceWatch.Grains.Regions;

/// <summary>
/// One minute bucket of a region's counters. Empty strings stand for "none" (no category, no
/// relay) so the key works as a primary key in storage.
/// </summary>
public sealed record RegionBucketKey(
    DateTimeOffset Minute,
    string Outcome,
    string Category,
    string LocalType,
    string RemoteType,
    string RelayProtocol);
