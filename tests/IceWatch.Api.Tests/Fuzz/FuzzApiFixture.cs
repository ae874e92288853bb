using System.Net.Http.Headers;
using IceWatch.Silo;
using IceWatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IceWatch.Api.Tests;

/// <summary>The whole application on Kestrel and a real socket, so framing attacks meet the real server.</summary>
public sealed class FuzzApiFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private IngestApiFactory? _factory;

    public HttpClient Client { get; private set; } = null!;
    public Uri Address => Client.BaseAddress!;
    public string ApiKey { get; private set; } = "";
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync($"fuzz_{Guid.NewGuid():N}");
        _factory = new IngestApiFactory(new Dictionary<string, string?>
        {
            ["ICEWATCH_DATABASE"] = ConnectionString,
            ["ICEWATCH_RATE_LIMIT_PER_SECOND"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var tenants = _factory.Services.GetRequiredService<TenantStore>();
        var tenant = await tenants.EnsureTenantAsync("fuzz", CancellationToken.None);
        ApiKey = await tenants.CreateApiKeyAsync(tenant.Id, "fuzz", CancellationToken.None);
        Client = _factory.CreateClient();
        Client.Timeout = TimeSpan.FromMinutes(2);
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }
}
