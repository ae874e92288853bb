using IceWatch.Grains.Sessions;

namespace IceWatch.Silo;

/// <summary>
/// Bound from the IceWatch section; each setting also reads ICEWATCH_&lt;NAME&gt; in upper snake case
/// (ICEWATCH_STALL_DEADLINE_SECONDS, ICEWATCH_MAX_ATTEMPTS, ICEWATCH_METRICS_REFRESH_SECONDS,
/// ICEWATCH_MAX_SESSION_PEER_CONNECTIONS, ICEWATCH_MAX_SESSION_EVENTS, ICEWATCH_MAX_SESSION_STATS_OBJECTS).
/// </summary>
public sealed class ProcessingOptions
{
    /// <summary>A peer connection not connected this long after its creation is failed.</summary>
    public double StallDeadlineSeconds { get; set; } = IceWatch.Grains.Sessions.SessionOptions.Default.StallDeadline.TotalSeconds;

    /// <summary>Failed (non-transient) processing attempts after which an upload is set aside with its error.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the exported gauges (failure rate per region, ingest backlog) are read from the database.</summary>
    public double MetricsRefreshSeconds { get; set; } = 15;

    /// <summary>Most peer connections, events and stats objects one session applies; what comes later is left out with a note.</summary>
    public int MaxSessionPeerConnections { get; set; } = SessionLimits.Default.MaxPeerConnections;

    public long MaxSessionEvents { get; set; } = SessionLimits.Default.MaxEvents;

    public long MaxSessionStatsObjects { get; set; } = SessionLimits.Default.MaxStatsObjects;

    public SessionLimits SessionLimits => new(MaxSessionPeerConnections, MaxSessionEvents, MaxSessionStatsObjects);
}
