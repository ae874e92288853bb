namespace IceWatch.Grains.Cluster;

/// <summary>A window's minute rows read from the database, the snapshot they were read under, and whether the scope exists at all.</summary>
public sealed record WindowLoad<T>(string Snapshot, bool Known, IReadOnlyList<T> Rows);
