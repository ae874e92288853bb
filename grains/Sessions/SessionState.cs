using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Sessions;

/// <summary>
/// The SessionGrain's durable state: facts per peer connection, plus the SDK report sequence
/// numbers already applied per peer connection (so a retried report is applied once).
/// </summary>
public sealed record SessionState
{
    public required string SessionId { get; init; }
    public Dictionary<string, PeerConnectionFacts> PeerConnections { get; init; } = [];
    public Dictionary<string, AppliedSequence> AppliedReports { get; init; } = [];
}
