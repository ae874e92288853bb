namespace IceWatch.Grains.Alerting;

/// <summary>
/// Multi-window burn rate for tenants with an SLO: with an error budget of 1 - SloTarget, page
/// when both the long and the short window burn the budget Factor times faster than allowed
/// (14.4 over 1 h: 2% of a 30-day budget gone in an hour); the short window makes it reset fast.
/// </summary>
public sealed record BurnRateRule(double SloTarget, TimeSpan LongWindow, TimeSpan ShortWindow, double Factor = 14.4)
{
    public double ErrorBudget => 1 - SloTarget;

    public double MaxRate => Math.Min(1, ErrorBudget * Factor);
}
