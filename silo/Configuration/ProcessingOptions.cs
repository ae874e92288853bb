namespace IceWatch.Silo;

/// <summary>
/// Bound from the IceWatch section; each setting also reads ICEWATCH_&lt;NAME&gt; in upper snake case
/// (ICEWATCH_STALL_DEADLINE_SECONDS, ICEWATCH_MAX_ATTEMPTS, ICEWATCH_METRICS_REFRESH_SECONDS).
/// </summary>
public sealed class ProcessingOptions
{
    /// <summary>A peer connection not connected this long after its creation is failed.</summary>
    public double StallDeadlineSeconds { get; set; } = IceWatch.Grains.Sessions.SessionOptions.Default.StallDeadline.TotalSeconds;

    /// <summary>Failed (non-transient) processing attempts after which an upload is set aside with its error.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the exported gauges (failure rate per region, ingest backlog) are read from the database.</summary>
    public double MetricsRefreshSeconds { get; set; } = 15;
}
