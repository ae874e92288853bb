using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

/// <summary>Runs <see cref="RetentionStore"/> every sweep interval; several nodes may sweep at once (SKIP LOCKED).</summary>
public sealed class RetentionSweeper(RetentionStore store, IOptions<RetentionOptions> options, DatabaseReadiness readiness, TimeProvider clock, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    /// <summary>One full sweep: every kind of expired row, batch after batch until none is left.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var deleted = 0;
        if (o.RawRetentionDays > 0) deleted += await RepeatAsync(b => store.DeleteUploadsAsync(now.AddDays(-o.RawRetentionDays), b, ct), o.BatchSize);
        if (o.VerdictRetentionDays > 0)
        {
            var cutoff = now.AddDays(-o.VerdictRetentionDays);
            deleted += await RepeatAsync(b => store.DeleteSessionsAsync(cutoff, b, ct), o.BatchSize);
            deleted += await RepeatAsync(b => store.DeleteMinutesAsync(cutoff, b, ct), o.BatchSize);
        }
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                if (deleted > 0) logger.LogInformation("Retention removed {Rows} expired rows", deleted);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Retention sweep failed; trying again next interval");
            }
            await Task.Delay(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds), clock, stoppingToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task<int> RepeatAsync(Func<int, Task<int>> delete, int batch)
    {
        int total = 0, deleted;
        do total += deleted = await delete(batch);
        while (deleted >= batch);
        return total;
    }
}
