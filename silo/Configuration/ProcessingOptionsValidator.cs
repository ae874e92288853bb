using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

internal sealed class ProcessingOptionsValidator : IValidateOptions<ProcessingOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcessingOptions options)
    {
        var failures = new List<string>();
        if (options.StallDeadlineSeconds is <= 0 or > 86_400) failures.Add("ICEWATCH_STALL_DEADLINE_SECONDS must be in (0, 86400].");
        if (options.MaxAttempts is < 1 or > 100) failures.Add("ICEWATCH_MAX_ATTEMPTS must be in [1, 100].");
        if (options.MetricsRefreshSeconds is < 0.1 or > 3600) failures.Add("ICEWATCH_METRICS_REFRESH_SECONDS must be in [0.1, 3600].");
        if (options.MaxSessionPeerConnections < 1 || options.MaxSessionEvents < 1 || options.MaxSessionStatsObjects < 1)
            failures.Add("ICEWATCH_MAX_SESSION_PEER_CONNECTIONS, ICEWATCH_MAX_SESSION_EVENTS and ICEWATCH_MAX_SESSION_STATS_OBJECTS must be at least 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
