using System.Diagnostics;
using IceWatch.Testing;
using Xunit.Abstractions;

namespace IceWatch.Fault.Tests;

/// <summary>
/// Two ingest and three silo processes under load while a random one is killed with SIGKILL every
/// couple of seconds and restarted; afterwards every accepted report is reflected exactly once.
/// ICEWATCH_CHAOS_SECONDS (default 20) and ICEWATCH_CHAOS_ROUNDS (default 1) lengthen it into a soak.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class KillNineTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_random_processes_under_load_loses_and_doubles_nothing()
    {
        var seconds = Setting("ICEWATCH_CHAOS_SECONDS", 20);
        var rounds = Setting("ICEWATCH_CHAOS_ROUNDS", 1);
        for (var round = 1; round <= rounds; round++)
        {
            var connectionString = await postgres.CreateDatabaseAsync($"chaos_{round}");
            await using var nodes = await IceWatchNodes.StartAsync(connectionString, ingest: 2, silos: 3);
            var load = new ReportLoad(nodes.IngestUrls, IceWatchNodes.ApiKey, sessions: 80 * seconds, reportsPerSession: 4, regions: 5, runId: $"c{round}");
            var random = new Random(round);
            var kills = 0;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var chaos = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(random.Next(1500, 3000), CancellationToken.None);
                    var victim = nodes.All[random.Next(nodes.All.Count)];
                    victim.KillHard();
                    kills++;
                    await Task.Delay(random.Next(200, 1000), CancellationToken.None);
                    victim.Start();
                }
            });
            var clock = Stopwatch.StartNew();
            await load.RunAsync(concurrency: 8, deadline: TimeSpan.FromSeconds(seconds + 60), keepGoing: () => !stop.IsCancellationRequested);
            await chaos;
            foreach (var node in nodes.All.Where(n => !n.IsRunning)) node.Start();
            await ExactlyOnce.WaitUntilProcessedAsync(connectionString, TimeSpan.FromMinutes(3));
            var summary = await ExactlyOnce.AssertAsync(connectionString, load);

            var statuses = string.Join(", ", load.Statuses.OrderBy(p => p.Key).Select(p => $"{(p.Key == 0 ? "refused" : p.Key.ToString())}: {p.Value}"));
            output.WriteLine($"round {round}: {kills} kills in {clock.Elapsed.TotalSeconds:F0} s; answers {statuses}; {summary}");
            Assert.DoesNotContain(500, load.Statuses.Keys);
            Assert.True(kills >= seconds / 3, $"only {kills} kills");
            Assert.True(load.Accepted.Values.Sum(b => b.Count) > 100, "too little load got through");
        }
    }

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
