using System.Diagnostics;
using IceWatch.Testing;
using Xunit.Abstractions;

namespace IceWatch.Fault.Tests;

/// <summary>
/// PostgreSQL crashes (immediate shutdown) and comes back under load: meanwhile the API answers 503
/// with Retry-After, never 500 and never hangs past its timeout; it recovers by itself and nothing
/// it accepted is lost or counted twice.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_database_restart_under_load_gives_503s_then_recovers_with_nothing_lost()
    {
        await using var cluster = await PostgresCluster.StartAsync(CancellationToken.None, durableCommits: true);
        var connectionString = await cluster.CreateDatabaseAsync("restart", CancellationToken.None);
        await using var nodes = await IceWatchNodes.StartAsync(connectionString, ingest: 1, silos: 1);
        var load = new ReportLoad(nodes.IngestUrls, IceWatchNodes.ApiKey, sessions: 600, reportsPerSession: 4, regions: 3, runId: "db");
        var retryAfter = await RetryAfterProbe.StartAsync(nodes.IngestUrls[0], IceWatchNodes.ApiKey);

        var clock = Stopwatch.StartNew();
        var running = load.RunAsync(concurrency: 6, deadline: TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await cluster.StopAsync();
        var stoppedAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(6));
        await cluster.RestartAsync(CancellationToken.None);
        var restartedAt = clock.Elapsed;
        await running;
        var probe = await retryAfter.StopAsync();

        await ExactlyOnce.WaitUntilProcessedAsync(connectionString, TimeSpan.FromMinutes(2));
        var summary = await ExactlyOnce.AssertAsync(connectionString, load);
        var statuses = string.Join(", ", load.Statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));
        output.WriteLine($"down {stoppedAt.TotalSeconds:F1}-{restartedAt.TotalSeconds:F1} s; answers {statuses}; slowest {load.MaxLatencyMs} ms; {probe}; {summary}");

        Assert.Contains(503, load.Statuses.Keys);
        Assert.True(load.Statuses.Keys.All(s => s is 202 or 503), statuses);
        Assert.True(load.MaxLatencyMs < 15_000, $"a request took {load.MaxLatencyMs} ms");
        Assert.Empty(load.Unconfirmed);
        Assert.True(nodes.All.All(n => n.IsRunning), "a node died with the database");
        Assert.StartsWith("every 503 had Retry-After", probe, StringComparison.Ordinal);
    }
}
