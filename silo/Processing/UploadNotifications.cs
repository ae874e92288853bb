using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>LISTENs for new uploads on a dedicated connection and wakes the inbox workers.</summary>
internal sealed class UploadNotifications(NpgsqlDataSource dataSource, InboxSignal signal, ILogger<UploadNotifications> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = new NpgsqlCommand($"LISTEN {InboxStore.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                signal.Notify(); // uploads may have arrived while not listening
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Listening for new uploads failed; polling only until it reconnects");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
