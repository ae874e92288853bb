using Microsoft.Extensions.Logging;

namespace IceWatch.Silo;

/// <summary>Runs a unit of work until stopped, backing off after failures (the work is retried, never lost).</summary>
internal static class WorkLoop
{
    public static async Task RunAsync(Func<CancellationToken, Task<bool>> work, Func<TimeSpan, Task> idle, TimeSpan pollInterval, ILogger logger, CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await work(ct))
                {
                    failures = 0;
                    continue;
                }
                await idle(pollInterval);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var transient = TransientErrors.IsTransient(e);
                logger.Log(transient ? LogLevel.Warning : LogLevel.Error, e, "Processing failed ({Kind}); retrying", transient ? "transient" : "counted against its uploads");
                var backoff = TimeSpan.FromMilliseconds(Math.Min(5_000, pollInterval.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 10))));
                try { await Task.Delay(backoff, ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
