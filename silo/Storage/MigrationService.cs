using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Migrates the schema at start-up. When PostgreSQL answers, start-up goes on with the schema current;
/// when it cannot be reached, start-up goes on without it and the migration keeps trying in the
/// background with backoff (probes say "not ready", uploads get 503 meanwhile). Any other failure (a
/// refused migration, a wrong database name) stops start-up with the reason.
/// </summary>
internal sealed class MigrationService(DatabaseMigrator migrator, DatabaseReadiness readiness, ILogger<MigrationService> logger) : IHostedService
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await migrator.MigrateAsync(cancellationToken);
            readiness.Ready();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsUnreachable(e))
        {
            logger.LogWarning("PostgreSQL cannot be reached ({Error}); serving without it and trying again in the background", e.Message);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RetryAsync(CancellationToken ct)
    {
        var wait = FirstWait;
        for (var attempt = 2; !ct.IsCancellationRequested; attempt++)
        {
            await Task.Delay(wait, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            wait = TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, wait.Ticks * 2));
            try
            {
                await migrator.MigrateAsync(ct);
                readiness.Ready();
                logger.LogWarning("PostgreSQL answered after {Attempts} attempts; the schema is current", attempt);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && IsUnreachable(e))
            {
                if (attempt % 10 == 0) logger.LogWarning("Still waiting for PostgreSQL ({Error})", e.Message);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogCritical(e, "Migrating the schema failed; this node cannot serve until that is fixed");
                return;
            }
        }
    }

    // Connection failures and "starting up / shutting down / too many clients" are worth waiting for.
    private static bool IsUnreachable(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState == "53300",
        NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or IOException => true,
        _ => e.InnerException is { } inner && IsUnreachable(inner),
    };
}
