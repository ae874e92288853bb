using IceWatch.Testing;

namespace IceWatch.Silo.Tests;

/// <summary>The client minute rows the paging rule reads, written in the processing transaction beside the region and TURN minutes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClientMinutesTests(PostgresFixture postgres)
{
    private const string Turn = "turn:turn.example.com:3478?transport=udp";

    [Fact]
    public async Task A_session_counts_as_its_own_client_in_its_region_and_turn_urls_with_its_peer_connections()
    {
        await using var storage = await Storage.CreateAsync(postgres, "client_minutes_session");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var t = SdkReports.Recent;
        var json = SdkReports.Document("call-1", "eu-west", SdkReports.Connected("a", t), SdkReports.Connected("b", t), SdkReports.Failed("c", t));

        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west", json), CancellationToken.None);
        await storage.DrainAsync();

        Assert.Equal("connected:2,failed:1", await storage.ScalarAsync<string>("""
            SELECT string_agg(outcome || ':' || peer_connections, ',' ORDER BY outcome) FROM client_minutes
            WHERE scope_kind = 'region' AND scope_value = 'eu-west' AND client = 's:call-1'
            """));
        Assert.Equal(await storage.ScalarAsync<long>("SELECT sum(peer_connections)::bigint FROM region_minutes"),
            await storage.ScalarAsync<long>("SELECT sum(peer_connections)::bigint FROM client_minutes WHERE scope_kind = 'region'"));
        Assert.Equal(await storage.ScalarAsync<long>($"SELECT sum(peer_connections)::bigint FROM turn_minutes WHERE turn_url = '{Turn}'"),
            await storage.ScalarAsync<long>($"SELECT sum(peer_connections)::bigint FROM client_minutes WHERE scope_kind = 'turn_url' AND scope_value = '{Turn}'"));
    }

    [Fact]
    public async Task Sessions_from_one_client_network_share_one_client_row_per_minute()
    {
        await using var storage = await Storage.CreateAsync(postgres, "client_minutes_network");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var t = SdkReports.Recent;
        foreach (var session in new[] { "net-1", "net-2", "net-3" })
            await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, session, "eu-west", SdkReports.Document(session, "eu-west", SdkReports.Failed("pc", t))) with { Client = "n:0a1b2c" },
                CancellationToken.None);
        await storage.DrainAsync();

        Assert.Equal(1L, await storage.ScalarAsync<long>("SELECT count(DISTINCT client) FROM client_minutes WHERE scope_kind = 'region'"));
        Assert.Equal(3L, await storage.ScalarAsync<long>("SELECT sum(peer_connections)::bigint FROM client_minutes WHERE scope_kind = 'region' AND client = 'n:0a1b2c'"));
    }

    [Fact]
    public async Task Upgrading_counts_the_last_days_verdicts_each_session_as_its_own_client()
    {
        await using var storage = await Storage.CreateAsync(postgres, "client_minutes_backfill", migrate: false);
        await storage.ScalarAsync<object>("CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var migration in Migrations.All.Where(m => m.Version < ClientMinutesSchema.Version))
        {
            await storage.ScalarAsync<object>(migration.Sql);
            await storage.ScalarAsync<object>("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", migration.Version, migration.Name);
        }
        await storage.ScalarAsync<object>("""
            INSERT INTO tenants (name) VALUES ('old');
            INSERT INTO sessions (tenant_id, session_id, region) SELECT id, 'old-call', 'eu-west' FROM tenants;
            INSERT INTO verdicts (tenant_id, session_id, peer_connection_id, verdict, outcome, failed_after_connect, category, relayed, bytes_relayed, bytes_direct, updated_at)
            SELECT id, 'old-call', pc, jsonb_build_object('peerConnectionId', pc, 'receivedAt', '2026-11-01T12:03:27Z', 'turnUrls', jsonb_build_array('turn:a:3478', 'turn:a:3478')),
                   outcome, false, category, false, 0, 0, now()
            FROM tenants, (VALUES ('pc-1', 'connected', NULL), ('pc-2', 'failed', 'turn_auth_failed'), ('pc-3', 'pending', NULL)) AS v(pc, outcome, category);
            """);

        await storage.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        Assert.Equal("region/eu-west/connected/1,region/eu-west/failed/1,turn_url/turn:a:3478/connected/1,turn_url/turn:a:3478/failed/1", await storage.ScalarAsync<string>("""
            SELECT string_agg(scope_kind || '/' || scope_value || '/' || outcome || '/' || peer_connections, ',' ORDER BY scope_kind, outcome)
            FROM client_minutes WHERE client = 's:old-call' AND minute = '2026-11-01T12:03:00Z'
            """));
    }

    [Fact]
    public async Task The_exported_client_counts_are_the_evaluators_counts()
    {
        await using var storage = await Storage.CreateAsync(postgres, "client_minutes_gauge");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        await AlertCalls.AddAsync(storage, tenant.Id, "eu-west", connected: 30, failed: 4);
        var t = SdkReports.Recent;
        var many = SdkReports.Document("many", "eu-west", Enumerable.Range(0, 50).Select(i => SdkReports.Failed($"m-{i}", t)).ToArray());
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "many", "eu-west", many) with { Client = "n:office" }, CancellationToken.None);
        await storage.DrainAsync();

        var exported = (await storage.Get<MetricsQueries>().FailureRatesAsync(TimeSpan.FromMinutes(5), CancellationToken.None)).Single();
        var now = DateTimeOffset.UtcNow;
        // What the region grain's rebuild reads, counted as its evaluation counts it.
        var load = await storage.Get<IceWatch.Grains.Cluster.IAlertScopeStore>().LoadClientsAsync(tenant.Id, IceWatch.Grains.Alerting.IncidentScope.Region("eu-west"),
            IceWatch.Grains.Alerting.AlertWindows.FirstMinute(TimeSpan.FromMinutes(5), now), CancellationToken.None);
        var minutes = load.Rows.Select(d => new IceWatch.Grains.Alerting.ClientMinuteCount(d.Key.Minute, d.Key.Client, d.Key.Outcome, d.Key.Category, d.PeerConnections)).ToList();
        var counted = IceWatch.Grains.Alerting.AlertWindows.Count([TimeSpan.FromMinutes(5)], minutes, now)[0];

        Assert.Equal((35L, 5L), (counted.Clients, counted.FailedClients));
        Assert.Equal((counted.Clients, counted.FailedClients), (exported.Clients, exported.FailedClients));
        Assert.Equal((84L, 54L), (exported.PeerConnections, exported.Failed));
    }
}
