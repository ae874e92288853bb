namespace IceWatch.Silo;

/// <summary>A region's ICE failure rate over the last window: failed over all final outcomes.</summary>
public sealed record RegionFailureRate(string Tenant, string Region, long PeerConnections, long Failed)
{
    public double Rate => PeerConnections == 0 ? 0 : (double)Failed / PeerConnections;
}
