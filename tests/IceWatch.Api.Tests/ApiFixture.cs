using System.Net.Http.Headers;
using IceWatch.Silo;
using IceWatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IceWatch.Api.Tests;

/// <summary>One fresh database and one running API per test class.</summary>
public class ApiFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private IngestApiFactory? _factory;

    public IngestApiFactory Factory => _factory ?? throw new InvalidOperationException("The API is not started.");

    public string ConnectionString { get; private set; } = "";

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    public async Task InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync($"api_{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?> { ["ICEWATCH_DATABASE"] = ConnectionString };
        foreach (var (key, value) in Settings()) settings[key] = value;
        _factory = new IngestApiFactory(settings);
        _ = _factory.Server; // start now, so migrations run before the first test
    }

    /// <summary>A new tenant and a key for it, made through the same store the API uses.</summary>
    public async Task<string> NewTenantKeyAsync(string tenantName)
    {
        var tenants = Factory.Services.GetRequiredService<TenantStore>();
        var tenant = await tenants.EnsureTenantAsync(tenantName, CancellationToken.None);
        return await tenants.CreateApiKeyAsync(tenant.Id, "test", CancellationToken.None);
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = Factory.CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async Task<HttpClient> TenantClientAsync(string tenantName) => Client(await NewTenantKeyAsync(tenantName));

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}
