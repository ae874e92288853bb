using IceWatch.Grains.Cluster;
using IceWatch.Testing;
using Npgsql;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ExactlyOnceTests(PostgresFixture postgres)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Accepting_uploads_does_not_wait_for_a_session_in_the_middle_of_a_step()
    {
        await using var storage = await Storage.CreateAsync(postgres, "once_ingest");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        var first = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.Recent));
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", first), None);
        await using var step = await HoldSessionAsync(storage, tenant.Id, "call-1");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var next = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-2", SdkReports.Recent));
        var added = await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", next), timeout.Token);
        var again = await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", first), timeout.Token);

        Assert.False(added.Duplicate);
        Assert.True(again.Duplicate);
    }

    [Fact]
    public async Task Two_activations_of_one_session_in_two_clusters_apply_every_upload_once()
    {
        // Two silos that do not know each other (two cluster ids on one database): each holds its own
        // activation of the same session, as Orleans may briefly allow during a membership change.
        await using var left = await Storage.CreateAsync(postgres, "once_twins");
        await using var right = await Storage.AttachAsync(left, "once_twins_other");
        var tenant = await left.Tenants.EnsureTenantAsync("acme", None);
        var t = SdkReports.Recent;
        var uploads = new List<AcceptResult>();
        for (var i = 0; i < 40; i++)
            uploads.Add(await left.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
                SdkReports.Document("call-1", "eu-west", SdkReports.Connected($"pc-{i}", t + i, bytes: 100 + i))), None));

        var a = (await left.GrainsAsync()).GetGrain<ISessionGrain>(tenant.Id, "call-1");
        var b = (await right.GrainsAsync()).GetGrain<ISessionGrain>(tenant.Id, "call-1");
        // Both are handed every upload, in opposite orders, at the same time.
        await Task.WhenAll(
            Task.Run(async () => { foreach (var u in uploads) await a.ProcessAsync(new UploadHandoff(u.UploadId, u.ReceivedAt!.Value, null)); }),
            Task.Run(async () => { foreach (var u in Enumerable.Reverse(uploads)) await b.ProcessAsync(new UploadHandoff(u.UploadId, u.ReceivedAt!.Value, null)); }));

        Assert.Equal(0L, await left.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE processed_at IS NULL OR last_error IS NOT NULL"));
        Assert.Equal(40L, await left.ScalarAsync<long>("SELECT count(*) FROM verdicts"));
        Assert.Equal(40L, await left.RegionPeerConnectionsAsync());
        Assert.Equal(Enumerable.Range(0, 40).Sum(i => 100L + i), await left.ScalarAsync<long>("SELECT sum(bytes_relayed)::bigint FROM region_minutes"));
        // Every step moved the session on by one version: 40 uploads, each applied in exactly one step.
        Assert.Equal(40L, await left.ScalarAsync<long>("SELECT version FROM sessions"));
    }

    /// <summary>Locks and updates the session row the way a step's transaction does, until disposed (rolled back).</summary>
    private static async Task<NpgsqlConnection> HoldSessionAsync(Storage storage, Guid tenantId, string sessionId)
    {
        var connection = await storage.DataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("BEGIN"),
                Command("""UPDATE sessions SET state = '{"sessionId":"held"}', version = version + 1, updated_at = now() WHERE tenant_id = $1 AND session_id = $2"""),
                Command("UPDATE uploads SET processed_at = now() WHERE tenant_id = $1 AND session_id = $2"),
            },
        };
        await batch.ExecuteNonQueryAsync();
        return connection;

        NpgsqlBatchCommand Command(string sql) => new(sql) { Parameters = { new() { Value = tenantId }, new() { Value = sessionId } } };
    }
}
