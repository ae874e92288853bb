using IceWatch.Grains.Verdicts;
using Orleans.Runtime;
using IceWatch.Testing;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ProcessingTests(PostgresFixture postgres)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_accepted_upload_becomes_verdicts_and_region_buckets_with_exact_counts()
    {
        await using var storage = await Storage.CreateAsync(postgres, "process_accept");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        var t = SdkReports.Recent;
        var json = SdkReports.Document("call-1", "eu-west",
            SdkReports.Connected("pc-1", t, bytes: 2000), SdkReports.Connected("pc-2", t + 10, bytes: 3000), SdkReports.Failed("pc-3", t + 20));
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", json, gzip: true), None);

        Assert.Equal(1, await storage.DrainAsync());

        var session = await storage.Sessions.GetAsync(tenant.Id, "call-1", None);
        Assert.NotNull(session);
        Assert.Equal((1, 0), (session.Uploads, session.PendingUploads));
        Assert.Equal(["pc-1:connected", "pc-2:connected", "pc-3:failed"], session.PeerConnections.Select(v => $"{v.PeerConnectionId}:{v.Outcome}"));
        var stats = await storage.Regions.GetStatsAsync(tenant.Id, "eu-west", TimeSpan.FromHours(1), None);
        Assert.NotNull(stats);
        Assert.Equal((3L, 2L, 1L, 2L, 5000L, 0L), (stats.PeerConnections, stats.Connected, stats.Failed, stats.Relayed, stats.BytesRelayed, stats.BytesDirect));
        Assert.Equal(1.0 / 3, stats.FailureRate!.Value, 6);
        Assert.Equal(3L, await storage.RegionPeerConnectionsAsync());
        Assert.Equal("connected|relay|udp|t|3000", await storage.ScalarAsync<string>(
            "SELECT concat_ws('|', outcome, local_type, relay_protocol, relayed, bytes_relayed) FROM verdicts WHERE peer_connection_id = 'pc-2'"));
        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE processed_at IS NULL OR last_error IS NOT NULL"));
    }

    [Fact]
    public async Task A_duplicate_upload_and_a_retried_report_are_counted_once()
    {
        await using var storage = await Storage.CreateAsync(postgres, "process_duplicates");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        var t = SdkReports.Recent;
        var first = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", t, bytes: 1000));
        // The SDK retried pc-1's report 0 inside a new batch that also carries pc-2.
        var retry = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", t, bytes: 1000), SdkReports.Connected("pc-2", t, bytes: 500));

        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", first), None);
        await storage.DrainAsync();
        var duplicate = await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", first, gzip: true), None);
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", retry), None);
        await storage.DrainAsync();

        Assert.True(duplicate.Duplicate);
        var stats = await storage.Regions.GetStatsAsync(tenant.Id, "eu-west", TimeSpan.FromHours(1), None);
        Assert.Equal((2L, 2L, 1500L), (stats!.PeerConnections, stats.Connected, stats.BytesRelayed));
        Assert.Equal(2L, await storage.RegionPeerConnectionsAsync());
        Assert.Equal(2L, await storage.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE processed_at IS NOT NULL"));
    }

    [Fact]
    public async Task An_unreadable_upload_is_marked_with_its_error_and_does_not_hold_up_its_session()
    {
        await using var storage = await Storage.CreateAsync(postgres, "process_unreadable");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        var broken = "{\"sessionId\":\"call-1\",\"reports\":[{\"peerConnectionId\":"u8.ToArray();
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", broken), None);
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
            SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.Recent))), None);

        Assert.Equal(1, await storage.DrainAsync());

        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE processed_at IS NULL"));
        // The body itself is dropped once processed (addresses are not kept by default); the error stays.
        var error = await storage.ScalarAsync<string>("SELECT string_agg(last_error, '') FROM uploads WHERE last_error IS NOT NULL");
        Assert.False(string.IsNullOrWhiteSpace(error));
        var session = await storage.Sessions.GetAsync(tenant.Id, "call-1", None);
        Assert.Equal(Outcomes.Connected, Assert.Single(session!.PeerConnections).Outcome);
    }

    [Fact]
    public async Task A_pending_peer_connection_fails_at_its_stall_deadline_and_a_later_report_moves_its_count()
    {
        await using var storage = await Storage.CreateAsync(postgres, "process_deadline",
            new Dictionary<string, string?> { ["ICEWATCH_STALL_DEADLINE_SECONDS"] = "4" });
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        var t = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
            SdkReports.Document("call-1", "eu-west", SdkReports.Checking("pc-1", t))), None);

        await storage.DrainAsync();
        Assert.Equal(Outcomes.Pending, await OutcomeAsync());
        Assert.Equal(0L, await storage.RegionPeerConnectionsAsync());

        // The active grain's timer decides at the deadline; no upload and no sweep is needed.
        await Until.TrueAsync(async () => await OutcomeAsync() == Outcomes.Failed, TimeSpan.FromSeconds(20));
        Assert.Equal(0, await storage.Get<DeadlineSweep>().PassAsync(None));
        var failed = await storage.Regions.GetStatsAsync(tenant.Id, "eu-west", TimeSpan.FromHours(1), None);
        Assert.Equal((1L, 1L, 0L), (failed!.PeerConnections, failed.Failed, failed.Connected));

        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
            SdkReports.Document("call-1", "eu-west", SdkReports.ConnectedLater("pc-1", t + 4500, seq: 1))), None);
        await storage.DrainAsync();

        Assert.Equal(Outcomes.Connected, await OutcomeAsync());
        var connected = await storage.Regions.GetStatsAsync(tenant.Id, "eu-west", TimeSpan.FromHours(1), None);
        Assert.Equal((1L, 0L, 1L), (connected!.PeerConnections, connected.Failed, connected.Connected));
        Assert.Equal(1L, await storage.RegionPeerConnectionsAsync());
        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM region_minutes WHERE outcome = 'failed' AND peer_connections <> 0"));

        Task<string> OutcomeAsync() => storage.ScalarAsync<string>("SELECT outcome FROM verdicts WHERE peer_connection_id = 'pc-1'");
    }

    [Fact]
    public async Task A_deadline_whose_grain_left_memory_is_honoured_by_the_sweep()
    {
        await using var storage = await Storage.CreateAsync(postgres, "process_deadline_sweep",
            new Dictionary<string, string?> { ["ICEWATCH_STALL_DEADLINE_SECONDS"] = "3" });
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
            SdkReports.Document("call-1", "eu-west", SdkReports.Checking("pc-1", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))), None);
        await storage.DrainAsync();
        Assert.NotNull(await storage.ScalarAsync<DateTime?>("SELECT next_deadline_at FROM sessions"));

        // Every idle activation leaves memory, and its timer with it.
        var grains = await storage.GrainsAsync();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Until.TrueAsync(async () => await storage.ScalarAsync<string>("SELECT outcome FROM verdicts") == Outcomes.Failed, TimeSpan.FromSeconds(10));

        Assert.Null(await storage.ScalarAsync<DateTime?>("SELECT next_deadline_at FROM sessions"));
        Assert.Equal(1L, await storage.ScalarAsync<long>("SELECT sum(peer_connections)::bigint FROM region_minutes WHERE outcome = 'failed'"));
    }

    [Fact]
    public async Task An_upload_that_failed_too_often_is_set_aside_unapplied_and_the_rest_of_its_session_goes_on()
    {
        await using var storage = await Storage.CreateAsync(postgres, "process_set_aside",
            new Dictionary<string, string?> { ["ICEWATCH_MAX_ATTEMPTS"] = "3" });
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        var t = SdkReports.Recent;
        var poisoned = await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
            SdkReports.Document("call-1", "eu-west", SdkReports.Failed("pc-1", t))), None);
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
            SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-2", t))), None);
        await storage.ScalarAsync<int>("UPDATE uploads SET attempts = 3, last_error = 'boom' WHERE id = $1 RETURNING attempts", poisoned.UploadId);

        await storage.DrainAsync();

        Assert.StartsWith("set aside after 3 failed attempts: boom", await storage.ScalarAsync<string>("SELECT last_error FROM uploads WHERE id = $1", poisoned.UploadId));
        var session = await storage.Sessions.GetAsync(tenant.Id, "call-1", None);
        Assert.Equal(["pc-2"], session!.PeerConnections.Select(v => v.PeerConnectionId));
        Assert.Equal(0, session.PendingUploads);
    }
}
