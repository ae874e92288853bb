using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IceWatch.Testing;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IceWatch.Api.Tests;

/// <summary>
/// What one client can and cannot do to a region's paging, through the real HTTP path with the default
/// rule (1%, 20 clients, Wilson bound) and the default 5 s evaluation interval.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PoisoningTests(PagingApiFixture api, ITestOutputHelper output) : IClassFixture<PagingApiFixture>
{
    [Fact]
    public async Task The_38700_empty_entry_garbage_dump_opens_no_incident_in_a_region_with_normal_traffic()
    {
        var (admin, key) = await api.NewTenantAsync("garbage-tenant");
        var browsers = new Browsers(admin, key);
        await browsers.CallsAsync("garbage-eu", "normal", Enumerable.Range(0, 200), _ => false);
        var dump = PeerConnectionCountingTests.EmptyEntriesDump();

        var byPublishable = await browsers.PostAsync("/v1/dumps?session=garbage-pub&region=garbage-eu", dump, browser: 999);
        var bySecret = await admin.PostAsync("/v1/dumps?session=garbage-admin&region=garbage-eu", Payloads.Body(dump));

        foreach (var answer in new[] { byPublishable, bySecret })
        {
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            var body = await Poll.JsonAsync(answer);
            Assert.Equal((0, 38_700), (body.GetProperty("peerConnections").GetInt32(), body.GetProperty("ignoredEntries").GetInt32()));
        }
        await Poll.ProcessedSessionAsync(admin, "garbage-pub");
        await Poll.ProcessedSessionAsync(admin, "garbage-admin");
        await Task.Delay(TimeSpan.FromSeconds(3)); // past the 2 s stall deadline: anything pending would now be failed
        await EvaluatedTwiceAsync("garbage-eu");

        var stats = await admin.GetFromJsonAsync<JsonElement>("/v1/regions/garbage-eu/stats");
        output.WriteLine($"garbage dump ×2 beside 200 healthy sessions: region counts {stats.GetProperty("peerConnections")} peer connections, {stats.GetProperty("failed")} failed; incidents: {await IncidentsAsync(admin, "garbage-eu")}");
        Assert.Equal((200L, 0L), (stats.GetProperty("peerConnections").GetInt64(), stats.GetProperty("failed").GetInt64()));
        Assert.Equal(0, await IncidentsAsync(admin, "garbage-eu"));
    }

    [Fact]
    public async Task One_session_of_1000_failed_peer_connections_beside_1000_healthy_sessions_opens_none()
    {
        var (admin, key) = await api.NewTenantAsync("poison-tenant");
        var browsers = new Browsers(admin, key);
        await browsers.CallsAsync("poison-eu", "healthy", Enumerable.Range(0, 1000), _ => false);

        var poison = await browsers.PostAsync("/v1/reports", CallBatches.Build("poison-session", "poison-eu", connected: 0, failed: 1000), browser: 1000);
        Assert.Equal(HttpStatusCode.Accepted, poison.StatusCode);

        var stats = await Poll.UntilAsync(admin, "/v1/regions/poison-eu/stats", s => s.GetProperty("peerConnections").GetInt64() == 2000, TimeSpan.FromMinutes(2));
        await EvaluatedTwiceAsync("poison-eu");
        var (clients, failedClients) = await ClientsAsync("poison-eu");
        output.WriteLine($"1000 failed peer connections in one session beside 1000 healthy sessions: by peer connections {stats.GetProperty("failureRate").GetDouble():P2} " +
            $"({stats.GetProperty("failed")} of {stats.GetProperty("peerConnections")}); by clients {failedClients} of {clients} = {(double)failedClients / clients:P2}; incidents: {await IncidentsAsync(admin, "poison-eu")}");
        Assert.Equal(0.5, stats.GetProperty("failureRate").GetDouble(), 6);
        Assert.Equal((1001L, 1L), (clients, failedClients));
        Assert.Equal(0, await IncidentsAsync(admin, "poison-eu"));
    }

    [Fact]
    public async Task A_real_outage_of_20_percent_of_sessions_pages_within_15_seconds()
    {
        var (admin, key) = await api.NewTenantAsync("outage-tenant");
        using var webhook = new NotificationReceiver();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/v1/notification-targets", new { kind = "webhook", url = webhook.Url + "page" })).StatusCode);
        var browsers = new Browsers(admin, key);
        await browsers.CallsAsync("outage-eu", "before", Enumerable.Range(0, 300), _ => false);
        await Poll.UntilAsync(admin, "/v1/regions/outage-eu/stats", s => s.GetProperty("peerConnections").GetInt64() == 300);
        await EvaluatedTwiceAsync("outage-eu");
        Assert.Equal(0, await IncidentsAsync(admin, "outage-eu"));

        var onset = Stopwatch.StartNew();
        await browsers.CallsAsync("outage-eu", "during", Enumerable.Range(300, 500), b => b % 5 == 0);
        var posted = onset.Elapsed;
        var page = await webhook.WaitForAsync(r => r.Body.Contains("\"fired\"") && r.Body.Contains("outage-eu"), TimeSpan.FromSeconds(60));
        var paged = onset.Elapsed;

        var incident = JsonDocument.Parse(page.Body).RootElement.GetProperty("incident");
        output.WriteLine($"20% of 500 new sessions failing beside 300 earlier healthy ones: posted in {posted.TotalSeconds:F1} s, paged {paged.TotalSeconds:F1} s after the onset; " +
            $"page: {incident.GetProperty("failedClients")} of {incident.GetProperty("clients")} clients, rate {incident.GetProperty("peakRate").GetDouble():P2}; {incident.GetProperty("title")}");
        Assert.True(paged < TimeSpan.FromSeconds(15), $"paged {paged.TotalSeconds:F1} s after the onset");
        Assert.Equal("turn_auth_failed", incident.GetProperty("causes")[0].GetProperty("category").GetString());
    }

    /// <summary>
    /// Waits two evaluation intervals of the default rule (5 s each): the region grain has the committed
    /// deltas by then and has decided on them twice. Its state row shows it evaluated.
    /// </summary>
    private async Task EvaluatedTwiceAsync(string region)
    {
        await Task.Delay(TimeSpan.FromSeconds(11));
        var db = api.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = db.CreateCommand("SELECT count(*) FROM alert_states WHERE scope_kind = 'region' AND scope_value = $1");
        command.Parameters.Add(new() { Value = region });
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    private async Task<(long Clients, long Failed)> ClientsAsync(string region)
    {
        var db = api.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = db.CreateCommand("""
            SELECT count(DISTINCT client), count(DISTINCT client) FILTER (WHERE outcome = 'failed') FROM client_minutes
            WHERE scope_kind = 'region' AND scope_value = $1 AND peer_connections > 0
            """);
        command.Parameters.Add(new() { Value = region });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<int> IncidentsAsync(HttpClient admin, string region) =>
        (await admin.GetFromJsonAsync<JsonElement[]>("/v1/alerts"))!.Count(i => i.GetProperty("scopeValue").GetString() == region);
}
