namespace IceWatch.Grains.Alerting;

/// <summary>A tenant's SLO for the burn-rate mode, as it is set through the API.</summary>
public sealed record SloSettings(double Target, int? LongWindowSeconds = null, int? ShortWindowSeconds = null, double? Factor = null)
{
    public BurnRateRule ToRule() => new(
        Target,
        TimeSpan.FromSeconds(LongWindowSeconds ?? 3600),
        TimeSpan.FromSeconds(ShortWindowSeconds ?? 300),
        Factor ?? 14.4);
}
