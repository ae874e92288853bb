using IceWatch.Silo;
using IceWatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IceWatch.Api.Tests;

/// <summary>The API with the instance admin API on, no per-tenant rate limit, and one key of each kind for one tenant.</summary>
public sealed class KeysApiFixture(PostgresFixture postgres) : ApiFixture(postgres)
{
    public const string InstanceAdminKey = "instance-admin-key-for-key-tests-0123";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("ICEWATCH_ADMIN_KEY", InstanceAdminKey), new("ICEWATCH_RATE_LIMIT_PER_SECOND", "0"), new("ICEWATCH_API_KEY_CACHE_SECONDS", "0")];

    /// <summary>A new tenant with a publishable, a read and an admin key.</summary>
    public async Task<TenantKeys> NewTenantAsync(string name)
    {
        var tenants = Factory.Services.GetRequiredService<TenantStore>();
        var tenant = await tenants.EnsureTenantAsync(name, CancellationToken.None);
        return new TenantKeys(
            await tenants.CreateApiKeyAsync(tenant.Id, "web", KeyKinds.Publishable, CancellationToken.None),
            await tenants.CreateApiKeyAsync(tenant.Id, "dashboards", KeyKinds.Read, CancellationToken.None),
            await tenants.CreateApiKeyAsync(tenant.Id, "ops", KeyKinds.Admin, CancellationToken.None));
    }
}

public sealed record TenantKeys(string Publishable, string Read, string Admin)
{
    public string Of(string kind) => kind switch { KeyKinds.Publishable => Publishable, KeyKinds.Read => Read, _ => Admin };
}
