using IceWatch.Grains.Alerting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Every interval, evaluates each region and TURN URL with recent counts (and each one still
/// firing). Runs on every node; the state row locks share the scopes out between them.
/// </summary>
internal sealed class AlertEvaluationService(
    NpgsqlDataSource dataSource, ScopeEvaluator evaluator, NotificationSignal signal, IOptions<AlertingOptions> options,
    TimeProvider clock, ILogger<AlertEvaluationService> logger) : BackgroundService
{
    // Long enough for the longest default burn-rate window: a scope with older counts only has nothing to page about.
    private static readonly TimeSpan ActiveSince = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await EvaluateAllAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Alert evaluation failed; trying again at the next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One pass over every active scope; exposed for tests that drive evaluation by hand.</summary>
    public async Task EvaluateAllAsync(CancellationToken ct)
    {
        var scopes = await AlertScopes.ListAsync(dataSource, AlertWindows.FirstMinute(ActiveSince, clock.GetUtcNow()), ct);
        foreach (var scope in scopes)
        {
            try
            {
                if (await evaluator.EvaluateAsync(scope, ct)) signal.Notify();
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Evaluating {Kind} {Scope} of tenant {Tenant} failed", scope.ScopeKind, scope.ScopeValue, scope.TenantId);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
