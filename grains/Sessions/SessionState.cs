using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Sessions;

/// <summary>
/// The SessionGrain's durable state: facts per peer connection, plus the SDK report sequence
/// numbers already applied per peer connection (so a retried report is applied once), and what
/// counts against the session's limits.
/// </summary>
public sealed record SessionState
{
    public required string SessionId { get; init; }
    public Dictionary<string, PeerConnectionFacts> PeerConnections { get; init; } = [];
    public Dictionary<string, AppliedSequence> AppliedReports { get; init; } = [];

    /// <summary>Events and stats objects applied so far, counted against the session's limits.</summary>
    public long EventsApplied { get; set; }

    public long StatsApplied { get; set; }

    /// <summary>What the session left out once it reached a limit; null while it never did.</summary>
    public SessionTruncation? Truncation { get; set; }
}
