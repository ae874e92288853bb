namespace IceWatch.Grains.Alerting;

/// <summary>What the evaluator remembers between runs for one (tenant, scope, rule).</summary>
public sealed record AlertState
{
    public AlertStatus Status { get; init; } = AlertStatus.Ok;
    public DateTimeOffset? FiringSince { get; init; }
    public DateTimeOffset? RecoveringSince { get; init; }
    public double PeakRate { get; init; }
    public WindowCounts? PeakCounts { get; init; }

    public static AlertState Ok { get; } = new();
}
