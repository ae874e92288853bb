using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Npgsql;
using Xunit.Abstractions;

namespace IceWatch.Api.Tests;

/// <summary>
/// Pages go to a target that never answers and one that refuses connections while uploads keep
/// coming: accepting and processing go on at their usual pace, the incident still fires, and the
/// deliveries wait in the outbox.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NotificationTargetsDownTests(AlertingApiFixture api, ITestOutputHelper output) : IClassFixture<AlertingApiFixture>
{
    [Fact]
    public async Task Slow_and_dead_targets_do_not_slow_ingest_or_processing()
    {
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start(); // accepts (the backlog does) and never answers
        var client = await api.TenantClientAsync("targets-down");
        await AlertDriving.UseTestRuleAsync(client, "down-region");
        foreach (var url in new[] { $"http://127.0.0.1:{((IPEndPoint)blackHole.LocalEndpoint).Port}/hook", "http://127.0.0.1:9/hook" })
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/v1/notification-targets", new { kind = "webhook", url })).StatusCode);

        await AlertDriving.UploadAsync(client, "down-burst", "down-region", connected: 5, failed: 10);
        await AlertDriving.WaitForIncidentAsync(client, "down-region", "firing", TimeSpan.FromSeconds(60));

        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            var started = clock.Elapsed;
            var response = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport($"during-outage-{i}", "down-region")));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            latencies.Add((clock.Elapsed - started).TotalMilliseconds);
        }
        await using var db = NpgsqlDataSource.Create(api.ConnectionString);
        while ((long)(await db.CreateCommand("SELECT count(*) FROM uploads WHERE processed_at IS NULL").ExecuteScalarAsync())! > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "processing stalled while the targets were down");
            await Task.Delay(50);
        }
        var undelivered = (long)(await db.CreateCommand("SELECT count(*) FROM alert_outbox WHERE done_at IS NULL").ExecuteScalarAsync())!;
        latencies.Sort();
        output.WriteLine($"200 uploads accepted and processed in {clock.Elapsed.TotalSeconds:F1} s; accept p50 {latencies[100]:F1} ms, max {latencies[^1]:F1} ms; {undelivered} notifications waiting");
        Assert.True(latencies[^1] < 2_000, $"an upload took {latencies[^1]} ms");
        Assert.True(undelivered >= 1);
    }
}
