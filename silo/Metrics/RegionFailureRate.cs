namespace IceWatch.Silo;

/// <summary>
/// A region's ICE failure rate over the last window: failed over all final outcomes. Clients and
/// FailedClients are what the paging rule counts over the same window (docs/alerting.md).
/// </summary>
public sealed record RegionFailureRate(string Tenant, string Region, long PeerConnections, long Failed)
{
    public double Rate => PeerConnections == 0 ? 0 : (double)Failed / PeerConnections;

    public long Clients { get; init; }

    public long FailedClients { get; init; }
}
