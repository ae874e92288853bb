using Microsoft.Extensions.Logging;

namespace IceWatch.Silo;

/// <summary>An API node keeps accepting while no silo is up: it keeps trying to reach the cluster, with backoff, for as long as it runs.</summary>
internal sealed class ClusterConnectionRetry(ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt == 1 || attempt % 20 == 0) logger.LogWarning("No silo reachable yet ({Error}); uploads wait in the inbox", exception.Message);
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 250 * attempt)), cancellationToken);
        return true;
    }
}
