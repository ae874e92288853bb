namespace IceWatch.Grains.Alerting;

/// <summary>Peer connections with a final outcome in one window, the ICE failures among them, and failures by category.</summary>
public sealed record WindowCounts(TimeSpan Window, long PeerConnections, long Failed, IReadOnlyDictionary<string, long> FailedByCategory)
{
    public double? Rate => PeerConnections == 0 ? null : (double)Failed / PeerConnections;

    public static WindowCounts Empty(TimeSpan window) => new(window, 0, 0, new Dictionary<string, long>());
}
