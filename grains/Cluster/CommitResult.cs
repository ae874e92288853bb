namespace IceWatch.Grains.Cluster;

/// <summary>
/// A committed step (the session's new version and the id of the transaction that wrote it), or a
/// conflict: another activation moved the session on, or some of the uploads were already processed.
/// </summary>
public sealed record CommitResult(bool Committed, long Version, long TransactionId, IReadOnlyList<Guid> AlreadyProcessed)
{
    public static CommitResult Conflict(IReadOnlyList<Guid> alreadyProcessed) => new(false, 0, 0, alreadyProcessed);
}
