namespace IceWatch.Silo.Tests;

/// <summary>
/// Calls in one region, some of them failing ICE, processed right away. Each call is its own session of
/// one peer connection, so each is one client of the paging rule, as callers on different networks are.
/// </summary>
internal static class AlertCalls
{
    private static int _sessions;

    public static async Task AddAsync(Storage storage, Guid tenantId, string region, int connected, int failed)
    {
        foreach (var report in Reports(connected, failed))
        {
            var session = $"alert-call-{Interlocked.Increment(ref _sessions)}";
            await storage.Inbox.AcceptAsync(SdkReports.Upload(tenantId, session, region, SdkReports.Document(session, region, [report])), CancellationToken.None);
        }
        await storage.DrainAsync();
    }

    /// <summary>One report per call, made a moment ago: the connected ones first.</summary>
    public static IEnumerable<object> Reports(int connected, int failed)
    {
        var t = DateTimeOffset.UtcNow.AddSeconds(-20).ToUnixTimeMilliseconds();
        return Enumerable.Range(0, connected).Select(i => SdkReports.Connected($"ok-{i}", t))
            .Concat(Enumerable.Range(0, failed).Select(i => SdkReports.Failed($"bad-{i}", t)));
    }
}
