using IceWatch.Silo;
using Npgsql;

namespace IceWatch.IngestApi.Health;

/// <summary>
/// A cheap readiness answer for load balancers polling every few seconds: one <c>SELECT 1</c>, its
/// result shared for a second by every caller, so a thousand probes cost one round trip.
/// </summary>
public sealed class ReadinessProbe(NpgsqlDataSource dataSource, DatabaseReadiness readiness, TimeProvider clock, ILogger<ReadinessProbe> logger)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _one = new(1, 1);
    private (DateTimeOffset At, string? Problem) _last = (DateTimeOffset.MinValue, null);

    public async Task<string?> FindProblemAsync(CancellationToken ct)
    {
        if (!readiness.IsReady) return "Waiting for PostgreSQL: the schema is not migrated yet.";
        if (clock.GetUtcNow() - _last.At < Fresh) return _last.Problem;
        await _one.WaitAsync(ct);
        try
        {
            if (clock.GetUtcNow() - _last.At >= Fresh) _last = (clock.GetUtcNow(), await CheckAsync(ct));
            return _last.Problem;
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<string?> CheckAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogDebug(e, "Readiness probe failed");
            return "The database cannot be reached right now.";
        }
    }
}
