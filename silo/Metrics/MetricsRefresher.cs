using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

/// <summary>Reads the gauges' values from the database on an interval, so an export never waits for a query.</summary>
internal sealed class MetricsRefresher(MetricsQueries queries, IceWatchMetrics metrics, IOptions<ProcessingOptions> options, DatabaseReadiness readiness, ILogger<MetricsRefresher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.MetricsRefreshSeconds);
        await readiness.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.Refreshed(await queries.FailureRatesAsync(Window, stoppingToken), await queries.BacklogAsync(stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not read the metrics' gauges: {Error}", e.Message);
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
