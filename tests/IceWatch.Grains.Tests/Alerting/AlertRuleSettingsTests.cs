using IceWatch.Grains.Alerting;

namespace IceWatch.Grains.Tests.Alerting;

public sealed class AlertRuleSettingsTests
{
    [Fact]
    public void A_region_override_wins_over_the_tenant_default_field_by_field()
    {
        var tenant = new AlertRuleSettings { Threshold = 0.02, MinPeerConnections = 50 };
        var region = new AlertRuleSettings { Threshold = 0.05 };

        var rule = AlertRuleSettings.Resolve(tenant, region);

        Assert.Equal(0.05, rule.Threshold);
        Assert.Equal(50, rule.MinPeerConnections);
        Assert.Equal(AlertRule.Default.RecoveryThreshold, rule.RecoveryThreshold);
        Assert.Equal(AlertRule.ThresholdName, rule.Name);
    }

    [Fact]
    public void A_threshold_below_the_default_recovery_threshold_lowers_recovery_with_it()
    {
        var rule = AlertRuleSettings.Resolve(new AlertRuleSettings { Threshold = 0.005 });

        Assert.Equal(0.004, rule.RecoveryThreshold, 9);
    }

    [Fact]
    public void An_slo_switches_the_rule_to_burn_rate_mode_with_two_windows()
    {
        var rule = AlertRuleSettings.Resolve(null, new AlertRuleSettings { Slo = new SloSettings(0.995) });

        Assert.Equal(AlertRule.BurnRateName, rule.Name);
        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)], rule.Windows);
        Assert.Equal(0.072, rule.PageThreshold, 9);
    }

    [Theory]
    [InlineData(0.0, null, null, "threshold must be in (0, 1).")]
    [InlineData(0.01, 0.02, null, "recoveryThreshold must not exceed threshold.")]
    [InlineData(null, null, 59, "windowSeconds must be in [60, 86400].")]
    public void Invalid_settings_are_refused_with_the_field_named(double? threshold, double? recovery, int? window, string error)
    {
        var settings = new AlertRuleSettings { Threshold = threshold, RecoveryThreshold = recovery, WindowSeconds = window };

        Assert.Contains(error, settings.Validate());
    }

    [Fact]
    public void Valid_settings_have_no_errors()
    {
        var settings = new AlertRuleSettings { Threshold = 0.02, RecoveryThreshold = 0.01, ReminderSeconds = 0, Slo = new SloSettings(0.999, 3600, 300) };

        Assert.Empty(settings.Validate());
    }
}
