using IceWatch.Grains.Alerting;

namespace IceWatch.IngestApi.Alerts;

public sealed record EffectiveRule(
    string Name, double Threshold, double RecoveryThreshold, long MinPeerConnections, double Z, int WindowSeconds,
    int ResolveAfterSeconds, int ReminderSeconds, SloSettings? Slo)
{
    public long MinClients { get; init; } = AlertRule.Default.MinClients;

    /// <summary>Fixed: failures seen by fewer clients than this never page.</summary>
    public long MinFailingClients => AlertRule.MinFailingClients;

    public static EffectiveRule From(AlertRule r) => new(
        r.Name, r.Threshold, r.RecoveryThreshold, r.MinPeerConnections, r.Z, (int)r.Window.TotalSeconds,
        (int)r.ResolveAfter.TotalSeconds, (int)r.ReminderInterval.TotalSeconds,
        r.BurnRate is { } b ? new SloSettings(b.SloTarget, (int)b.LongWindow.TotalSeconds, (int)b.ShortWindow.TotalSeconds, b.Factor) : null)
    {
        MinClients = r.MinClients,
    };
}
