using Microsoft.Extensions.Logging;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Announces new uploads to listening silos, coalesced and outside the accepting transaction:
/// a NOTIFY inside it holds PostgreSQL's global notify lock through the commit's WAL flush, which
/// serialised every accept behind one fsync at a time. A lost announcement only costs one poll interval.
/// </summary>
public sealed class UploadAnnouncer(NpgsqlDataSource dataSource, ILogger<UploadAnnouncer> logger)
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(5);
    private int _pending;

    public void Announce()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = Task.Run(SendAsync);
    }

    private async Task SendAsync()
    {
        await Task.Delay(Coalesce);
        Volatile.Write(ref _pending, 0);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var command = dataSource.CreateCommand($"NOTIFY {InboxStore.Channel}");
            await command.ExecuteNonQueryAsync(timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            logger.LogDebug(e, "Could not announce new uploads; silos find them by polling");
        }
    }
}
