using IceWatch.Grains.Alerting;

namespace IceWatch.Grains.Tests.Alerting;

/// <summary>Windows where every call is its own client (one session of one peer connection), as most traffic is.</summary>
internal static class Calls
{
    public static WindowCounts Window(TimeSpan window, long failed, long total, string? category = null)
    {
        var byCategory = category is null ? new Dictionary<string, long>() : new Dictionary<string, long> { [category] = failed };
        return new WindowCounts(window, total, failed, byCategory) { Clients = total, FailedClients = failed, FailedClientsByCategory = byCategory };
    }
}
