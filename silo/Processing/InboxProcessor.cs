using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

/// <summary>Workers that process sessions with unprocessed uploads: again at once after work, after the poll interval (or a notification) when idle.</summary>
internal sealed class InboxProcessor(SessionProcessor processor, InboxSignal signal, IOptions<ProcessingOptions> options, ILogger<InboxProcessor> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private Task WorkAsync(CancellationToken ct) =>
        WorkLoop.RunAsync(processor.ProcessPendingUploadsAsync, idle => signal.WaitAsync(idle, ct), options.Value.PollInterval, logger, ct);
}
