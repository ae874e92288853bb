namespace IceWatch.Grains.Cluster;

/// <summary>
/// Where a session grain loads from and commits to. A commit is one transaction conditioned on the
/// version the grain loaded, so two activations of one session can never both apply an upload.
/// </summary>
public interface ISessionStore
{
    /// <summary>The session's stored state and verdicts; null when the session row does not exist.</summary>
    Task<SessionSnapshot?> LoadAsync(SessionKey key, CancellationToken ct);

    /// <summary>The session's unprocessed uploads in received order; small bodies come inline.</summary>
    Task<IReadOnlyList<PendingUpload>> PendingUploadsAsync(SessionKey key, CancellationToken ct);

    /// <summary>Streams one stored body into <paramref name="read"/>.</summary>
    Task<T> ReadBodyAsync<T>(Guid uploadId, Func<Stream, T> read, CancellationToken ct);

    /// <summary>Commits a step, or reports a conflict without writing anything. A failure that is not transient counts against the step's uploads.</summary>
    Task<CommitResult> CommitAsync(SessionKey key, SessionCommit commit, CancellationToken ct);

    /// <summary>Counts a failed attempt against uploads whose events could not be processed.</summary>
    Task RecordFailureAsync(IReadOnlyList<Guid> uploadIds, string error, CancellationToken ct);
}
