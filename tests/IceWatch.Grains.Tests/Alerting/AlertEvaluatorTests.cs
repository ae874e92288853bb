using IceWatch.Grains.Alerting;

namespace IceWatch.Grains.Tests.Alerting;

public sealed class AlertEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly AlertRule Rule = AlertRule.Default;

    private static WindowCounts W(long failed, long total) => Calls.Window(TimeSpan.FromMinutes(5), failed, total, "turn_auth_failed");

    private static AlertDecision Step(AlertState state, long failed, long total, double minutes) =>
        AlertEvaluator.Evaluate(Rule, state, [W(failed, total)], T0.AddMinutes(minutes));

    [Theory]
    [InlineData(1, 20, 0.0089)]
    [InlineData(15, 500, 0.0183)]
    [InlineData(5, 500, 0.0043)]
    [InlineData(0, 100, 0.0)]
    public void The_wilson_lower_bound_matches_the_worked_numbers(long failed, long total, double expected)
    {
        Assert.Equal(expected, Wilson.LowerBound(failed, total, 1.96), 4);
    }

    [Fact]
    public void One_failure_in_twenty_calls_does_not_page()
    {
        Assert.Equal(AlertTransition.None, Step(AlertState.Ok, 1, 20, 0).Transition);
    }

    [Fact]
    public void Fifteen_failures_in_five_hundred_calls_page()
    {
        var decision = Step(AlertState.Ok, 15, 500, 0);

        Assert.Equal(AlertTransition.Fired, decision.Transition);
        Assert.Equal(0.03, decision.State.PeakRate, 6);
        Assert.Contains("15 of 500 clients saw ICE fail in 5 min (3.00%, threshold 1.00%); 15 of 500 peer connections failed", decision.Reason);
    }

    [Fact]
    public void A_rate_of_exactly_the_threshold_does_not_page_however_large_the_volume()
    {
        Assert.Equal(AlertTransition.None, Step(AlertState.Ok, 1_000, 100_000, 0).Transition);
    }

    [Fact]
    public void Below_the_minimum_volume_nothing_pages_even_when_every_call_fails()
    {
        var decision = Step(AlertState.Ok, 19, 19, 0);

        Assert.Equal(AlertTransition.None, decision.Transition);
        Assert.Contains("below the minimum volume of 20 clients", decision.Reason);
    }

    [Fact]
    public void A_rate_hovering_between_recovery_and_threshold_keeps_the_alert_firing_without_flapping()
    {
        var state = Step(AlertState.Ok, 15, 500, 0).State;
        foreach (var (minute, failed) in new[] { (1, 5), (2, 4), (3, 5), (4, 5) })
        {
            var decision = Step(state, failed, 500, minute);
            Assert.Equal(AlertTransition.None, decision.Transition);
            state = decision.State;
        }
        Assert.Equal(AlertStatus.Firing, state.Status);
    }

    [Fact]
    public void An_alert_resolves_only_after_the_rate_stays_below_recovery_for_the_hold_time()
    {
        var state = Step(AlertState.Ok, 15, 500, 0).State;

        var first = Step(state, 2, 500, 1);
        var early = Step(first.State, 2, 500, 2.5);
        var dip = Step(early.State, 6, 500, 2.8);
        var again = Step(dip.State, 2, 500, 3);
        var late = Step(again.State, 2, 500, 5);

        Assert.Equal(AlertTransition.None, first.Transition);
        Assert.Equal(AlertTransition.None, early.Transition);
        Assert.Null(dip.State.RecoveringSince);
        Assert.Equal(AlertTransition.Resolved, late.Transition);
        Assert.Equal(AlertStatus.Ok, late.State.Status);
    }

    [Fact]
    public void The_peak_rate_of_an_incident_is_kept_while_it_fires()
    {
        var state = Step(AlertState.Ok, 15, 500, 0).State;
        state = Step(state, 40, 500, 1).State;
        state = Step(state, 20, 500, 2).State;

        Assert.Equal(0.08, state.PeakRate, 6);
        Assert.Equal(40, state.PeakCounts?.Failed);
    }

    [Fact]
    public void Burn_rate_mode_pages_only_when_both_windows_burn_the_budget_fast()
    {
        var rule = Rule with { BurnRate = new BurnRateRule(0.999, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)) };
        WindowCounts Short(long f) => Calls.Window(TimeSpan.FromMinutes(5), f, 1_000);
        WindowCounts Long(long f) => Calls.Window(TimeSpan.FromHours(1), f, 10_000);

        var shortOnly = AlertEvaluator.Evaluate(rule, AlertState.Ok, [Short(20), Long(100)], T0);
        var both = AlertEvaluator.Evaluate(rule, AlertState.Ok, [Short(20), Long(200)], T0);

        Assert.Equal(AlertTransition.None, shortOnly.Transition);
        Assert.Equal(AlertTransition.Fired, both.Transition);
        Assert.Contains("burn rate over 5 min 20.0x and over 60 min 20.0x", both.Reason);
    }
}
