namespace IceWatch.Silo;

/// <summary>How long data is kept; 0 keeps it forever. Read from ICEWATCH_*_RETENTION_DAYS.</summary>
public sealed class RetentionOptions
{
    /// <summary>Processed uploads (their rows and sha256, so duplicates older than this are accepted again).</summary>
    public double RawRetentionDays { get; set; } = 30;

    /// <summary>Sessions not updated for this long go with their verdicts and uploads; region and TURN minutes older than it too.</summary>
    public double VerdictRetentionDays { get; set; } = 90;

    /// <summary>Pause between retention sweeps.</summary>
    public double SweepIntervalSeconds { get; set; } = 600;

    /// <summary>Rows deleted per statement, so a sweep never holds many locks for long.</summary>
    public int BatchSize { get; set; } = 5000;
}
