using IceWatch.Testing;
using Npgsql;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ClaimTests(PostgresFixture postgres)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Accepting_uploads_does_not_wait_for_a_session_in_the_middle_of_processing()
    {
        await using var storage = await Storage.CreateAsync(postgres, "claim_ingest");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        var first = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.Recent));
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", first), None);
        await using var processing = await HoldSessionAsync(storage, tenant.Id, "call-1");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var next = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-2", SdkReports.Recent));
        var added = await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", next), timeout.Token);
        var again = await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", first), timeout.Token);

        Assert.False(added.Duplicate);
        Assert.True(again.Duplicate);
    }

    [Fact]
    public async Task A_session_held_by_another_node_is_skipped_and_processed_once_it_is_released()
    {
        await using var storage = await Storage.CreateAsync(postgres, "claim_skip");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
            SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.Recent))), None);
        var processor = storage.Get<SessionProcessor>();

        await using (await HoldSessionAsync(storage, tenant.Id, "call-1"))
        {
            Assert.False(await processor.ProcessPendingUploadsAsync(None));
        }

        Assert.True(await processor.ProcessPendingUploadsAsync(None));
        Assert.Equal(1L, await storage.RegionPeerConnectionsAsync());
    }

    /// <summary>Locks and updates the session row the way a processing transaction does, until disposed (rolled back).</summary>
    private static async Task<NpgsqlConnection> HoldSessionAsync(Storage storage, Guid tenantId, string sessionId)
    {
        var connection = await storage.DataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("BEGIN"),
                Command("SELECT 1 FROM sessions WHERE tenant_id = $1 AND session_id = $2 FOR NO KEY UPDATE"),
                Command("""UPDATE sessions SET state = '{"sessionId":"held"}', updated_at = now() WHERE tenant_id = $1 AND session_id = $2"""),
                Command("UPDATE uploads SET attempts = attempts WHERE tenant_id = $1 AND session_id = $2"),
            },
        };
        await batch.ExecuteNonQueryAsync();
        return connection;

        NpgsqlBatchCommand Command(string sql) => new(sql) { Parameters = { new() { Value = tenantId }, new() { Value = sessionId } } };
    }
}
