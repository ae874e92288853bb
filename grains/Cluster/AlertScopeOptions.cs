namespace IceWatch.Grains.Cluster;

/// <summary>How region and TURN grains evaluate; the silo binds it from ICEWATCH_* settings.</summary>
public sealed class AlertScopeOptions
{
    /// <summary>How often each active scope evaluates its rule.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the in-memory window is rebuilt from the minute tables (repairing any delta a lost message carried).</summary>
    public TimeSpan RebuildInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The least span a window holds; the stats of shorter windows come from memory.</summary>
    public static TimeSpan MinimumSpan { get; } = TimeSpan.FromHours(1);
}
