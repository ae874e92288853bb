namespace IceWatch.Grains.Alerting;

/// <summary>
/// When a window's ICE failure rate pages. The rate is the share of clients (sessions, or for
/// publishable-key uploads the networks they came from) that saw ICE fail, so one session of a
/// thousand failed peer connections weighs as much as one failed call. It fires when the window holds
/// at least MinClients clients and MinPeerConnections peer connections, at least MinFailingClients
/// clients saw a failure, the rate exceeds Threshold, and the Wilson lower bound of the rate (at Z)
/// exceeds Threshold too, so a handful of unlucky calls never pages. It resolves only after
/// the rate has stayed at or below RecoveryThreshold for ResolveAfter (hysteresis).
/// BurnRate, when set, replaces the threshold test with the multi-window SLO burn-rate test.
/// </summary>
public sealed record AlertRule
{
    public string Name { get; init; } = ThresholdName;
    public double Threshold { get; init; } = 0.01;
    public double RecoveryThreshold { get; init; } = 0.008;
    public long MinPeerConnections { get; init; } = 20;
    public long MinClients { get; init; } = 20;

    /// <summary>Failures must come from at least this many clients: one client never pages on its own, whatever the threshold.</summary>
    public const long MinFailingClients = 2;
    public double Z { get; init; } = 1.96;
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan ResolveAfter { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>How often a firing incident is notified again; zero sends no reminders.</summary>
    public TimeSpan ReminderInterval { get; init; } = TimeSpan.FromHours(1);
    public BurnRateRule? BurnRate { get; init; }

    public static AlertRule Default { get; } = new();

    public const string ThresholdName = "ice-failure-rate";
    public const string BurnRateName = "ice-failure-burn-rate";

    /// <summary>The windows the evaluator must count: the rule's own, plus the burn-rate long window.</summary>
    public IReadOnlyList<TimeSpan> Windows => BurnRate is { } b ? [b.ShortWindow, b.LongWindow] : [Window];

    /// <summary>The threshold a page quotes: the burn-rate mode's maximum rate, or the plain threshold.</summary>
    public double PageThreshold => BurnRate?.MaxRate ?? Threshold;
}
