using System.Net.Http.Headers;
using IceWatch.Silo;
using IceWatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IceWatch.Api.Tests;

/// <summary>
/// The whole application on Kestrel with the default alert rule and evaluation interval (5 s), trusting
/// 127.0.0.1 as its proxy so that X-Forwarded-For names each browser's network, and a stall deadline of
/// 2 s so that anything an upload would turn into a failed peer connection does so within the test.
/// </summary>
public sealed class PagingApiFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private IngestApiFactory? _factory;

    public IngestApiFactory Factory => _factory!;

    public async Task InitializeAsync()
    {
        _factory = new IngestApiFactory(new Dictionary<string, string?>
        {
            ["ICEWATCH_DATABASE"] = await postgres.CreateDatabaseAsync($"paging_{Guid.NewGuid():N}"),
            ["ICEWATCH_TRUSTED_PROXIES"] = "127.0.0.1,::1",
            ["ICEWATCH_RATE_LIMIT_PER_SECOND"] = "0",
            ["ICEWATCH_PUBLISHABLE_RATE_PER_SECOND"] = "0",
            ["ICEWATCH_CLIENT_RATE_PER_SECOND"] = "0",
            ["ICEWATCH_STALL_DEADLINE_SECONDS"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
    }

    /// <summary>A new tenant whose publishable key may post dumps, with an admin client and the publishable key.</summary>
    public async Task<(HttpClient Admin, string Publishable)> NewTenantAsync(string name)
    {
        var tenants = Factory.Services.GetRequiredService<TenantStore>();
        var tenant = await tenants.EnsureTenantAsync(name, CancellationToken.None);
        await tenants.SetSettingsAsync(tenant.Id, new TenantSettings(PublishableDumps: true), CancellationToken.None);
        var admin = Factory.CreateClient();
        admin.Timeout = TimeSpan.FromMinutes(2);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenants.CreateApiKeyAsync(tenant.Id, "ops", CancellationToken.None));
        return (admin, await tenants.CreateApiKeyAsync(tenant.Id, "web", KeyKinds.Publishable, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}
