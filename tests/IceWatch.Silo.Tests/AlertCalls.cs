namespace IceWatch.Silo.Tests;

/// <summary>Uploads of many calls in one region, some of them failing ICE, processed right away.</summary>
internal static class AlertCalls
{
    private static int _sessions;

    public static async Task AddAsync(Storage storage, Guid tenantId, string region, int connected, int failed)
    {
        var t = DateTimeOffset.UtcNow.AddSeconds(-20).ToUnixTimeMilliseconds();
        var session = $"alert-call-{Interlocked.Increment(ref _sessions)}";
        var reports = Enumerable.Range(0, connected).Select(i => SdkReports.Connected($"ok-{i}", t))
            .Concat(Enumerable.Range(0, failed).Select(i => SdkReports.Failed($"bad-{i}", t))).ToArray();
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenantId, session, region, SdkReports.Document(session, region, reports)), CancellationToken.None);
        await storage.DrainAsync();
    }
}
