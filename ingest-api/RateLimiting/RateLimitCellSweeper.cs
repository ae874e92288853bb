using IceWatch.Silo;

namespace IceWatch.IngestApi.RateLimiting;

/// <summary>Deletes the shared rate-limit rows of keys and clients that have been quiet for a minute.</summary>
public sealed class RateLimitCellSweeper(SharedRateLimits limits, DatabaseReadiness readiness, ILogger<RateLimitCellSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await readiness.WaitAsync(stoppingToken); }
        catch (OperationCanceledException) { return; }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await limits.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug("Could not sweep the rate limit cells: {Error}", e.Message);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
