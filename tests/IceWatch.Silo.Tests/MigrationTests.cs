using IceWatch.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    private static readonly int[] Versions = Migrations.All.Select(m => m.Version).Order().ToArray();

    [Fact]
    public async Task Migrating_a_fresh_database_creates_every_table_and_records_each_version()
    {
        await using var storage = await Storage.CreateAsync(postgres, "migrate_fresh");

        var tables = await storage.ScalarAsync<string[]>(
            "SELECT array_agg(table_name::text ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Equal(["alert_incidents", "alert_outbox", "alert_rules", "alert_states", "api_keys", "client_minutes", "data_protection_keys", "instance_secrets", "notification_targets", "orleans_members", "orleans_membership_versions", "orleans_queries", "orleansquery", "rate_limit_cells", "region_minutes", "relay_prices", "schema_migrations", "sessions", "tenants", "turn_minutes", "uploads", "verdicts"], tables);
        Assert.Equal(Versions, await storage.ScalarAsync<int[]>("SELECT array_agg(version ORDER BY version) FROM schema_migrations"));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing_the_second_time()
    {
        await using var storage = await Storage.CreateAsync(postgres, "migrate_twice");
        var firstApplied = await storage.ScalarAsync<DateTime>("SELECT max(applied_at) FROM schema_migrations");

        await storage.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        Assert.Equal((long)Versions.Length, await storage.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(firstApplied, await storage.ScalarAsync<DateTime>("SELECT max(applied_at) FROM schema_migrations"));
    }

    [Fact]
    public async Task Eight_nodes_migrating_one_database_at_once_all_succeed_and_apply_each_version_once()
    {
        await using var storage = await Storage.CreateAsync(postgres, "migrate_concurrent", migrate: false);
        var migrators = Enumerable.Range(0, 8).Select(_ =>
        {
            var dataSource = NpgsqlDataSource.Create(storage.ConnectionString);
            return (dataSource, migrator: new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance));
        }).ToList();

        try
        {
            await Task.WhenAll(migrators.Select(m => Task.Run(() => m.migrator.MigrateAsync(CancellationToken.None))));
        }
        finally
        {
            foreach (var (dataSource, _) in migrators) await dataSource.DisposeAsync();
        }

        Assert.Equal(Versions, await storage.ScalarAsync<int[]>("SELECT array_agg(version ORDER BY version) FROM schema_migrations"));
        Assert.Equal(1L, await storage.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'uploads'"));
    }

    [Fact]
    public async Task A_key_from_before_key_kinds_becomes_an_admin_key_and_keeps_working()
    {
        await using var storage = await Storage.CreateAsync(postgres, "migrate_old_keys", migrate: false);
        foreach (var migration in Migrations.All.Where(m => m.Version < KeyKindsSchema.Version))
        {
            await storage.ScalarAsync<object>(migration.Sql);
            await storage.ScalarAsync<object>("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            await storage.ScalarAsync<object>("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", migration.Version, migration.Name);
        }
        await storage.ScalarAsync<object>("INSERT INTO tenants (name) VALUES ('old')");
        await storage.ScalarAsync<object>("INSERT INTO api_keys (key_hash, tenant_id, label) SELECT sha256('iw_old-key-from-last-year'::bytea), id, 'ci' FROM tenants");

        await storage.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        var key = await storage.Tenants.FindKeyAsync("iw_old-key-from-last-year", CancellationToken.None);
        Assert.Equal(("old", KeyKinds.Admin, null, false), (key!.Tenant.Name, key.Kind, key.Origins, key.PublishableDumps));
        Assert.Equal("old", (await storage.Tenants.FindByApiKeyAsync("iw_old-key-from-last-year", CancellationToken.None))!.Name);
    }
}
