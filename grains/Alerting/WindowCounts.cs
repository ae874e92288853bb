namespace IceWatch.Grains.Alerting;

/// <summary>
/// One window of one scope. The paging rate is over clients: Clients had a peer connection with a final
/// outcome in the window, FailedClients had at least one that failed ICE, and FailedClientsByCategory
/// counts, per root cause, the clients that saw it. A client counts once however many peer connections
/// it had, so no single session or network can move the rate by more than one. PeerConnections, Failed
/// and FailedByCategory are the plain peer connection counts behind it, for the page.
/// </summary>
public sealed record WindowCounts(TimeSpan Window, long PeerConnections, long Failed, IReadOnlyDictionary<string, long> FailedByCategory)
{
    public long Clients { get; init; }

    public long FailedClients { get; init; }

    public IReadOnlyDictionary<string, long> FailedClientsByCategory { get; init; } = new Dictionary<string, long>();

    /// <summary>The share of clients that saw ICE fail; null without clients.</summary>
    public double? Rate => Clients == 0 ? null : (double)FailedClients / Clients;

    public static WindowCounts Empty(TimeSpan window) => new(window, 0, 0, new Dictionary<string, long>());
}
