using IceWatch.IngestApi.Options;
using IceWatch.Silo;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Startup;

/// <summary>
/// Gives tenant <c>default</c> the key from <c>ICEWATCH_BOOTSTRAP_API_KEY</c> during start-up when the
/// database is there, or as soon as it answers when it is not; or says how to make a key.
/// </summary>
public sealed class BootstrapKeyService(
    IOptions<IngestOptions> options,
    DatabaseReadiness readiness,
    TenantStore tenants,
    ILogger<BootstrapKeyService> logger) : BackgroundService
{
    public const string DefaultTenant = "default";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Start-up waits briefly, so with a healthy database the key works once the host has started.
        await readiness.WaitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await base.StartAsync(cancellationToken);
        if (ExecuteTask is { } running) await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (options.Value.BootstrapApiKey is not { Length: > 0 } key)
        {
            logger.LogInformation(
                "No ICEWATCH_BOOTSTRAP_API_KEY set: create an API key with './icewatch create-key [tenant]' (or 'dotnet IceWatch.IngestApi.dll " +
                "create-key <tenant>' with the same ICEWATCH_DATABASE), or set ICEWATCH_BOOTSTRAP_API_KEY to give tenant '{Tenant}' a key at start-up.",
                DefaultTenant);
            return;
        }
        for (var wait = TimeSpan.FromMilliseconds(250); ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.TicksPerSecond * 10)))
        {
            await readiness.WaitAsync(ct);
            try
            {
                var tenant = await tenants.EnsureTenantAsync(DefaultTenant, ct);
                await tenants.AddApiKeyAsync(tenant.Id, key, "bootstrap", ct);
                logger.LogInformation("Tenant '{Tenant}' accepts the bootstrap API key", DefaultTenant);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Could not store the bootstrap API key yet ({Error}); trying again", e.Message);
                await Task.Delay(wait, ct);
            }
        }
    }
}
