using System.Net;
using IceWatch.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IceWatch.Api.Tests;

/// <summary>Data older than its retention period goes; what is left stays consistent with the region counters.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RetentionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Old_uploads_sessions_verdicts_and_minutes_go_and_recent_ones_stay_counted()
    {
        var client = await api.TenantClientAsync("retained");
        foreach (var (id, region) in new[] { ("old-call", "ret-old"), ("new-call", "ret") })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport(id, region)))).StatusCode);
            await TenantIsolationTests.WaitAsync(client, $"/v1/sessions/{id}", s => s.GetProperty("peerConnections").GetArrayLength() == 1);
        }
        await using var db = NpgsqlDataSource.Create(api.ConnectionString);
        await db.CreateCommand("""
            UPDATE uploads SET received_at = received_at - interval '100 days' WHERE session_id = 'old-call';
            UPDATE sessions SET updated_at = updated_at - interval '100 days' WHERE session_id = 'old-call';
            UPDATE region_minutes SET minute = minute - interval '100 days' WHERE region = 'ret-old';
            UPDATE turn_minutes SET minute = minute - interval '100 days' WHERE region = 'ret-old';
            """).ExecuteNonQueryAsync();
        var regionBefore = await ScalarAsync(db, "SELECT sum(peer_connections) FROM region_minutes WHERE region = 'ret'");

        var sweeper = api.Factory.Services.GetServices<IHostedService>().OfType<RetentionSweeper>().Single();
        var swept = await sweeper.SweepAsync(CancellationToken.None);
        Assert.True(swept >= 3, $"swept {swept}");

        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM sessions WHERE session_id = 'old-call'"));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM uploads WHERE session_id = 'old-call'"));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM verdicts WHERE session_id = 'old-call'"));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM region_minutes WHERE minute < now() - interval '90 days'"));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM region_minutes WHERE region = 'ret-old'"));
        Assert.Equal(regionBefore, await ScalarAsync(db, "SELECT sum(peer_connections) FROM region_minutes WHERE region = 'ret'"));
        Assert.Equal(await ScalarAsync(db, "SELECT count(*) FROM verdicts v JOIN sessions s USING (tenant_id, session_id) WHERE s.region = 'ret'"),
            await ScalarAsync(db, "SELECT sum(peer_connections) FROM region_minutes WHERE region = 'ret'"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/sessions/new-call")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/sessions/old-call")).StatusCode);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql) =>
        Convert.ToInt64(await db.CreateCommand(sql).ExecuteScalarAsync() ?? 0L);
}
