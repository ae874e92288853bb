using System.Net;
using IceWatch.Testing;
using Xunit.Abstractions;

namespace IceWatch.Fault.Tests;

/// <summary>Nodes started while PostgreSQL is down wait for it (probes say not ready, uploads get 503), then join and work.</summary>
public sealed class StartDuringOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ingest_and_silo_processes_started_during_a_database_outage_wait_and_then_process_everything()
    {
        await using var cluster = await PostgresCluster.StartAsync(CancellationToken.None, durableCommits: true);
        var connectionString = await cluster.CreateDatabaseAsync("outage_start", CancellationToken.None);
        await cluster.StopAsync();

        await using var nodes = await IceWatchNodes.StartAsync(connectionString, ingest: 1, silos: 2, waitForDatabase: false);
        var ingest = nodes.All[0];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually(async () => (await Status(http, new Uri(ingest.Url!, "/readyz"))) == HttpStatusCode.ServiceUnavailable, "readyz says not ready");
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.True(nodes.All.All(n => n.IsRunning), "a node exited while the database was down:\n" + string.Join("\n", nodes.All.Select(n => n.OutputTail)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Status(http, new Uri(ingest.Url!, "/readyz")));

        await cluster.RestartAsync(CancellationToken.None);
        await Eventually(async () => (await Status(http, new Uri(ingest.Url!, "/readyz"))) == HttpStatusCode.OK, "readyz says ready");
        var load = new ReportLoad(nodes.IngestUrls, IceWatchNodes.ApiKey, sessions: 60, reportsPerSession: 3, regions: 2, runId: "late");
        await load.RunAsync(concurrency: 4, deadline: TimeSpan.FromSeconds(60));
        await ExactlyOnce.WaitUntilProcessedAsync(connectionString, TimeSpan.FromMinutes(1));
        output.WriteLine(await ExactlyOnce.AssertAsync(connectionString, load));
        Assert.True(nodes.All.All(n => n.IsRunning));
    }

    private static async Task<HttpStatusCode> Status(HttpClient http, Uri url)
    {
        try { return (await http.GetAsync(url)).StatusCode; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return 0; }
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within 60 s: {what}");
            await Task.Delay(250);
        }
    }
}
