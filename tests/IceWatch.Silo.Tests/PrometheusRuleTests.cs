using System.Diagnostics;

namespace IceWatch.Silo.Tests;

/// <summary>deploy/prometheus holds the alerting rule for the exported metrics; promtool checks it and runs its unit tests.</summary>
public sealed class PrometheusRuleTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "deploy", "prometheus");

    [Fact]
    public async Task The_rule_file_passes_promtool_check_rules()
    {
        var (code, output) = await PromtoolAsync("check", "rules", "icewatch-alerts.yml");

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS: 6 rules found", output);
    }

    [Fact]
    public async Task The_rule_file_passes_its_promtool_unit_tests()
    {
        var (code, output) = await PromtoolAsync("test", "rules", "icewatch-alerts.test.yml");

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    [Fact]
    public async Task The_rule_file_uses_the_built_in_rules_numbers()
    {
        var rules = await File.ReadAllTextAsync(Path.Combine(Folder, "icewatch-alerts.yml"));
        var rule = IceWatch.Grains.Alerting.AlertRule.Default;

        Assert.Contains($"icewatch:ice_failure_rate:ratio5m > {rule.Threshold:0.###}", rules);
        Assert.Contains($"icewatch:ice_failure_rate:wilson_lower5m > {rule.Threshold:0.###}", rules);
        Assert.Contains($"icewatch:clients:window5m >= {rule.MinClients}", rules);
        Assert.Contains($"icewatch:failed_clients:window5m >= {IceWatch.Grains.Alerting.AlertRule.MinFailingClients}", rules);
        Assert.Contains($"icewatch:peer_connections:increase5m >= {rule.MinPeerConnections}", rules);
        Assert.Contains($"icewatch:ice_failure_rate:ratio5m > {rule.RecoveryThreshold:0.###}", rules);
        Assert.Contains($"keep_firing_for: {rule.ResolveAfter.TotalMinutes}m", rules);
        Assert.Contains($"[{rule.Window.TotalMinutes}m]", rules);
        Assert.Contains($"1.96 * sqrt", rules);
        Assert.Equal(1.96, rule.Z);
    }

    private static async Task<(int Code, string Output)> PromtoolAsync(params string[] args)
    {
        var info = new ProcessStartInfo("promtool") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("promtool did not start (apt-get install prometheus)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
