using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Delivers queued notifications on its own connections, apart from ingest and processing: claims
/// due rows with SKIP LOCKED (so nodes never send the same row together), sends them in parallel
/// and records delivery or the next attempt with exponential backoff in the same transaction.
/// </summary>
internal sealed class NotificationDispatcher(
    NpgsqlDataSource dataSource, NotificationSender sender, NotificationSignal signal, IOptions<AlertingOptions> options,
    DatabaseReadiness readiness, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 16;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await WorkLoop.RunAsync(DispatchAsync, idle => signal.WaitAsync(idle, stoppingToken), PollInterval, logger, stoppingToken);
    }

    /// <summary>Delivers one batch of due notifications; false when none was due.</summary>
    public async Task<bool> DispatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var items = await OutboxRows.ClaimAsync(connection, tx, BatchSize, ct);
        if (items.Count == 0) return false;

        var results = await Task.WhenAll(items.Select(i => i.Superseded ? Task.FromResult<DeliveryResult?>(null) : SendAsync(i, ct)));
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var (item, result) in items.Zip(results))
            batch.BatchCommands.Add(Record(item, result));
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<DeliveryResult?> SendAsync(OutboxItem item, CancellationToken ct)
    {
        var result = await sender.SendAsync(item, ct);
        if (result.Ok) logger.LogInformation("Delivered {Event} of incident {Incident} to {Kind} {Url}", item.Event, item.IncidentId, item.Kind, item.Url);
        else logger.LogWarning("Delivery {Id} ({Event} to {Kind}) failed, attempt {Attempt}: {Error}", item.Id, item.Event, item.Kind, item.Attempts + 1, result.Error);
        return result;
    }

    private NpgsqlBatchCommand Record(OutboxItem item, DeliveryResult? result)
    {
        if (result is null) return OutboxRows.Done(item.Id, "superseded", null);
        if (result.Ok) return OutboxRows.Done(item.Id, "delivered", null);
        if (result.Permanent || item.Attempts + 1 >= options.Value.MaxDeliveryAttempts) return OutboxRows.Done(item.Id, "abandoned", result.Error);
        return OutboxRows.Retry(item.Id, result.Error!, options.Value.RetryDelay(item.Attempts + 1));
    }
}
