using IceWatch.Testing;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class TenantStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Ensuring_a_tenant_twice_returns_the_same_tenant()
    {
        await using var storage = await Storage.CreateAsync(postgres, "tenants_ensure");

        var first = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var second = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal("acme", first.Name);
        Assert.NotEqual(first.Id, (await storage.Tenants.EnsureTenantAsync("globex", CancellationToken.None)).Id);
    }

    [Fact]
    public async Task A_created_api_key_finds_its_tenant_and_only_its_hash_is_stored()
    {
        await using var storage = await Storage.CreateAsync(postgres, "tenants_keys");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);

        var key = await storage.Tenants.CreateApiKeyAsync(tenant.Id, "ci", CancellationToken.None);

        Assert.True(key.Length >= 40, key);
        Assert.Equal(tenant, await storage.Tenants.FindByApiKeyAsync(key, CancellationToken.None));
        Assert.Null(await storage.Tenants.FindByApiKeyAsync(key + "x", CancellationToken.None));
        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE position(convert_to($1, 'UTF8') in key_hash) > 0", key));
        Assert.Equal(32, await storage.ScalarAsync<int>("SELECT octet_length(key_hash) FROM api_keys"));
    }

    [Fact]
    public async Task Adding_the_bootstrap_key_again_is_harmless()
    {
        await using var storage = await Storage.CreateAsync(postgres, "tenants_bootstrap");
        var tenant = await storage.Tenants.EnsureTenantAsync("default", CancellationToken.None);

        await storage.Tenants.AddApiKeyAsync(tenant.Id, "bootstrap-secret-0123456789", "bootstrap", CancellationToken.None);
        await storage.Tenants.AddApiKeyAsync(tenant.Id, "bootstrap-secret-0123456789", "bootstrap", CancellationToken.None);

        Assert.Equal(1L, await storage.ScalarAsync<long>("SELECT count(*) FROM api_keys"));
        Assert.Equal(tenant, await storage.Tenants.FindByApiKeyAsync("bootstrap-secret-0123456789", CancellationToken.None));
    }

    [Fact]
    public async Task A_revoked_key_finds_no_tenant()
    {
        await using var storage = await Storage.CreateAsync(postgres, "tenants_revoked");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var key = await storage.Tenants.CreateApiKeyAsync(tenant.Id, null, CancellationToken.None);

        await storage.ScalarAsync<int>("WITH r AS (UPDATE api_keys SET revoked_at = now() RETURNING 1) SELECT count(*)::int FROM r");

        Assert.Null(await storage.Tenants.FindByApiKeyAsync(key, CancellationToken.None));
    }
}
