using IceWatch.Testing;
using Npgsql;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class InboxStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_accepted_upload_is_stored_with_its_bytes_and_the_session_shows_it_pending()
    {
        await using var storage = await Storage.CreateAsync(postgres, "inbox_accept");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var json = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.T0));
        var upload = SdkReports.Upload(tenant.Id, "call-1", "eu-west", json, gzip: true);

        var result = await storage.Inbox.AcceptAsync(upload, CancellationToken.None);

        Assert.False(result.Duplicate);
        Assert.Equal("call-1", result.SessionId);
        Assert.Equal(upload.Body.ToArray(), await storage.ScalarAsync<byte[]>("SELECT body FROM uploads WHERE id = $1", result.UploadId));
        var session = await storage.Sessions.GetAsync(tenant.Id, "call-1", CancellationToken.None);
        Assert.NotNull(session);
        Assert.Equal(("eu-west", 1, 1), (session.Region, session.Uploads, session.PendingUploads));
        Assert.Empty(session.PeerConnections);
    }

    [Fact]
    public async Task An_upload_is_accepted_while_processing_holds_every_connection_of_the_main_pool()
    {
        await using var storage = await Storage.CreateAsync(postgres, "inbox_own_pool");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var json = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.T0));
        var held = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < new NpgsqlConnectionStringBuilder(storage.DataSource.ConnectionString).MaxPoolSize; i++)
                held.Add(await storage.DataSource.OpenConnectionAsync());
            using (var moment = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
                await Assert.ThrowsAnyAsync<Exception>(async () => await storage.DataSource.OpenConnectionAsync(moment.Token));

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var result = await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", json), patience.Token);

            Assert.False(result.Duplicate);
        }
        finally
        {
            foreach (var connection in held) await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_same_content_twice_returns_the_first_upload_as_a_duplicate_and_adds_nothing()
    {
        await using var storage = await Storage.CreateAsync(postgres, "inbox_duplicate");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var json = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.T0));

        var first = await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", json), CancellationToken.None);
        var again = await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", json, gzip: true), CancellationToken.None);

        Assert.True(again.Duplicate);
        Assert.Equal(first.UploadId, again.UploadId);
        Assert.Equal(1L, await storage.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }

    [Fact]
    public async Task The_same_content_racing_in_from_many_requests_is_stored_once()
    {
        await using var storage = await Storage.CreateAsync(postgres, "inbox_race");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var json = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.T0));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", json), CancellationToken.None))));

        Assert.Single(results, r => !r.Duplicate);
        Assert.Single(results.Select(r => r.UploadId).Distinct());
        Assert.Equal(1L, await storage.ScalarAsync<long>("SELECT count(*) FROM uploads"));
    }

    [Fact]
    public async Task The_same_content_in_another_session_or_tenant_is_a_new_upload()
    {
        await using var storage = await Storage.CreateAsync(postgres, "inbox_scopes");
        var acme = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var globex = await storage.Tenants.EnsureTenantAsync("globex", CancellationToken.None);
        var json = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.T0));

        var results = new[]
        {
            await storage.Inbox.AcceptAsync(SdkReports.Upload(acme.Id, "call-1", "eu-west", json), CancellationToken.None),
            await storage.Inbox.AcceptAsync(SdkReports.Upload(acme.Id, "call-2", "eu-west", json), CancellationToken.None),
            await storage.Inbox.AcceptAsync(SdkReports.Upload(globex.Id, "call-1", "eu-west", json), CancellationToken.None),
        };

        Assert.All(results, r => Assert.False(r.Duplicate));
        Assert.Equal(3, results.Select(r => r.UploadId).Distinct().Count());
        Assert.Null(await storage.Sessions.GetAsync(globex.Id, "call-2", CancellationToken.None));
    }

    [Fact]
    public async Task A_region_the_tenant_never_had_has_no_stats_and_a_known_one_starts_empty()
    {
        await using var storage = await Storage.CreateAsync(postgres, "inbox_regions");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var json = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.T0));
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", json), CancellationToken.None);

        Assert.Null(await storage.Regions.GetStatsAsync(tenant.Id, "us-east", TimeSpan.FromHours(1), CancellationToken.None));
        var stats = await storage.Regions.GetStatsAsync(tenant.Id, "eu-west", TimeSpan.FromHours(1), CancellationToken.None);
        Assert.NotNull(stats);
        Assert.Equal(("eu-west", "1h", 0L), (stats.Region, stats.Window, stats.PeerConnections));
    }
}
