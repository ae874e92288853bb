using IceWatch.Silo;

namespace IceWatch.IngestApi.Health;

/// <summary>
/// Ready means the schema is migrated and PostgreSQL answers. The migrator is idempotent and returns
/// after a version check once the schema is current, so running it is both checks in one round trip.
/// </summary>
public sealed class DatabaseProbe(DatabaseMigrator migrator, ILogger<DatabaseProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<string?> FindProblemAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await migrator.MigrateAsync(timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"The database did not answer within {Timeout.TotalSeconds:0} seconds.";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Health probe failed");
            return $"The database is not ready: {e.GetType().Name}.";
        }
    }
}
