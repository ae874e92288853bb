using IceWatch.Grains.Alerting;

namespace IceWatch.Grains.Tests.Alerting;

public sealed class AlertBoundaryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static AlertDecision Fire(AlertRule rule, long failed, long total) =>
        AlertEvaluator.Evaluate(rule, AlertState.Ok, [Calls.Window(rule.Window, failed, total)], T0);

    [Fact]
    public void Exactly_the_minimum_volume_is_enough_when_the_lower_bound_clears_the_threshold()
    {
        Assert.Equal(AlertTransition.Fired, Fire(AlertRule.Default, 20, 20).Transition);
        Assert.Equal(AlertTransition.None, Fire(AlertRule.Default with { MinPeerConnections = 21 }, 20, 20).Transition);
    }

    [Theory]
    [InlineData(6, 100, false)]  // 6%, lower bound 2.78%
    [InlineData(7, 100, true)]   // 7%, lower bound 3.43%
    public void The_lower_bound_decides_between_two_neighbouring_counts(long failed, long total, bool pages)
    {
        var rule = AlertRule.Default with { Threshold = 0.03 };

        Assert.Equal(pages ? AlertTransition.Fired : AlertTransition.None, Fire(rule, failed, total).Transition);
    }

    [Fact]
    public void A_rate_exactly_at_the_recovery_threshold_counts_as_recovered()
    {
        var firing = Fire(AlertRule.Default, 15, 500).State;
        var window = Calls.Window(TimeSpan.FromMinutes(5), 8, 1000);

        var start = AlertEvaluator.Evaluate(AlertRule.Default, firing, [window], T0.AddMinutes(1));
        var end = AlertEvaluator.Evaluate(AlertRule.Default, start.State, [window], T0.AddMinutes(3));

        Assert.Equal(T0.AddMinutes(1), start.State.RecoveringSince);
        Assert.Equal(AlertTransition.Resolved, end.Transition);
    }

    [Fact]
    public void A_firing_alert_with_an_empty_window_recovers()
    {
        var firing = Fire(AlertRule.Default, 15, 500).State;
        var empty = WindowCounts.Empty(TimeSpan.FromMinutes(5));

        var start = AlertEvaluator.Evaluate(AlertRule.Default, firing, [empty], T0.AddMinutes(1));
        var end = AlertEvaluator.Evaluate(AlertRule.Default, start.State, [empty], T0.AddMinutes(3));

        Assert.Equal(AlertTransition.Resolved, end.Transition);
    }
}
