namespace IceWatch.Grains.Sessions;

/// <summary>
/// How much one session may hold across all its uploads: peer connections, events and stats objects
/// applied. What comes after a limit is reached is not applied and is counted in the session's
/// <see cref="SessionTruncation"/>, so the session says what it left out.
/// </summary>
public sealed record SessionLimits(int MaxPeerConnections, long MaxEvents, long MaxStatsObjects)
{
    public static SessionLimits Default { get; } = new(2_000, 5_000_000, 5_000_000);

    /// <summary>No limit: for a session that holds one upload and nothing across uploads, such as the offline diagnosis of a file.</summary>
    public static SessionLimits Unlimited { get; } = new(int.MaxValue, long.MaxValue, long.MaxValue);
}
