using IceWatch.Grains.Sessions;

namespace IceWatch.Grains.Cluster;

/// <summary>How session grains behave; the silo binds it from ICEWATCH_* settings.</summary>
public sealed class SessionGrainOptions
{
    /// <summary>A peer connection not connected this long after its creation is failed.</summary>
    public TimeSpan StallDeadline { get; set; } = SessionOptions.Default.StallDeadline;

    /// <summary>Failed (non-transient) attempts after which an upload is set aside with its error.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Conflicting commits (another activation moved the session on) retried, after a short random pause, before a step gives up.</summary>
    public int MaxConflicts { get; set; } = 32;

    /// <summary>Most peer connections, events and stats objects a session applies; what comes later is left out with a note.</summary>
    public SessionLimits SessionLimits { get; set; } = SessionLimits.Default;

    /// <summary>How long a step waits for the region and TURN grains to take its deltas before leaving them to the next rebuild.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
