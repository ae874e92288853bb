namespace IceWatch.Grains.Alerting;

/// <summary>
/// An override of the default rule for a tenant (all its regions) or one region; every unset field
/// keeps the value of the level below: built-in default, then tenant, then region.
/// </summary>
public sealed record AlertRuleSettings
{
    public double? Threshold { get; init; }
    public double? RecoveryThreshold { get; init; }
    public long? MinPeerConnections { get; init; }
    public long? MinClients { get; init; }
    public int? WindowSeconds { get; init; }
    public int? ResolveAfterSeconds { get; init; }
    public int? ReminderSeconds { get; init; }
    public SloSettings? Slo { get; init; }

    public AlertRule ApplyTo(AlertRule rule)
    {
        var result = rule with
        {
            Threshold = Threshold ?? rule.Threshold,
            RecoveryThreshold = RecoveryThreshold ?? (Threshold is { } t && t < rule.RecoveryThreshold ? t * 0.8 : rule.RecoveryThreshold),
            MinPeerConnections = MinPeerConnections ?? rule.MinPeerConnections,
            MinClients = MinClients ?? rule.MinClients,
            Window = WindowSeconds is { } w ? TimeSpan.FromSeconds(w) : rule.Window,
            ResolveAfter = ResolveAfterSeconds is { } r ? TimeSpan.FromSeconds(r) : rule.ResolveAfter,
            ReminderInterval = ReminderSeconds is { } m ? TimeSpan.FromSeconds(m) : rule.ReminderInterval,
            BurnRate = Slo?.ToRule() ?? rule.BurnRate,
        };
        return result with { Name = result.BurnRate is null ? AlertRule.ThresholdName : AlertRule.BurnRateName };
    }

    /// <summary>The rule in force for a scope: the built-in default, then each override in order.</summary>
    public static AlertRule Resolve(params AlertRuleSettings?[] overrides) =>
        overrides.Aggregate(AlertRule.Default, (rule, o) => o?.ApplyTo(rule) ?? rule);

    /// <summary>Why these settings cannot be used, or none.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Threshold is <= 0 or >= 1) errors.Add("threshold must be in (0, 1).");
        if (RecoveryThreshold is < 0 or >= 1) errors.Add("recoveryThreshold must be in [0, 1).");
        if (Threshold is { } t && RecoveryThreshold is { } r && r > t) errors.Add("recoveryThreshold must not exceed threshold.");
        if (MinPeerConnections is < 1 or > 1_000_000) errors.Add("minPeerConnections must be in [1, 1000000].");
        if (MinClients is < 1 or > 1_000_000) errors.Add("minClients must be in [1, 1000000].");
        if (WindowSeconds is < 60 or > 86_400) errors.Add("windowSeconds must be in [60, 86400].");
        if (ResolveAfterSeconds is < 0 or > 86_400) errors.Add("resolveAfterSeconds must be in [0, 86400].");
        if (ReminderSeconds is not null and not 0 and (< 60 or > 604_800)) errors.Add("reminderSeconds must be 0 (off) or in [60, 604800].");
        if (Slo is { } slo)
        {
            if (slo.Target is <= 0 or >= 1) errors.Add("slo.target must be in (0, 1), e.g. 0.995.");
            if (slo.LongWindowSeconds is < 60 or > 2_592_000) errors.Add("slo.longWindowSeconds must be in [60, 2592000].");
            if (slo.ShortWindowSeconds is < 60 or > 86_400) errors.Add("slo.shortWindowSeconds must be in [60, 86400].");
            if ((slo.ShortWindowSeconds ?? 300) >= (slo.LongWindowSeconds ?? 3600)) errors.Add("slo.shortWindowSeconds must be shorter than slo.longWindowSeconds.");
            if (slo.Factor is <= 0 or > 1000) errors.Add("slo.factor must be in (0, 1000].");
        }
        return errors;
    }
}
