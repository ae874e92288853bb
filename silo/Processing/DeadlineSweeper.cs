using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

/// <summary>Re-evaluates sessions whose stall deadline has passed, so a pending peer connection turns failed without a new upload.</summary>
internal sealed class DeadlineSweeper(SessionProcessor processor, IOptions<ProcessingOptions> options, ILogger<DeadlineSweeper> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkLoop.RunAsync(processor.ProcessPastDeadlineAsync, idle => Task.Delay(idle, stoppingToken), options.Value.PollInterval, logger, stoppingToken);
}
