using IceWatch.IngestApi.Options;
using IceWatch.Silo;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Startup;

/// <summary>Gives tenant <c>default</c> the key from <c>ICEWATCH_BOOTSTRAP_API_KEY</c>, or says how to make one.</summary>
public sealed class BootstrapKeyService(
    IOptions<IngestOptions> options,
    DatabaseMigrator migrator,
    TenantStore tenants,
    ILogger<BootstrapKeyService> logger) : IHostedService
{
    public const string DefaultTenant = "default";

    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.BootstrapApiKey is not { Length: > 0 } key)
        {
            logger.LogInformation(
                "No ICEWATCH_BOOTSTRAP_API_KEY set: create an API key with './icewatch create-key [tenant]' (or 'dotnet IceWatch.IngestApi.dll " +
                "create-key <tenant>' with the same ICEWATCH_DATABASE), or set ICEWATCH_BOOTSTRAP_API_KEY to give tenant '{Tenant}' a key at start-up.",
                DefaultTenant);
            return;
        }

        // The storage's own start-up migration may run concurrently; migrating is idempotent and locked.
        await migrator.MigrateAsync(ct);
        var tenant = await tenants.EnsureTenantAsync(DefaultTenant, ct);
        await tenants.AddApiKeyAsync(tenant.Id, key, "bootstrap", ct);
        logger.LogInformation("Tenant '{Tenant}' accepts the bootstrap API key", DefaultTenant);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
