namespace IceWatch.Grains.Cluster;

/// <summary>
/// Counter deltas a session step has committed, with the id of the committing transaction, so a
/// window rebuilt from the database can tell whether it already holds them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommittedDeltas<T>([property: Id(0)] long TransactionId, [property: Id(1)] IReadOnlyList<T> Deltas);
