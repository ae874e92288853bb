namespace IceWatch.Silo;

/// <summary>The exported instruments of docs/metrics.md: names, units and attribute keys.</summary>
public static class MetricNames
{
    public const string Meter = "IceWatch";

    /// <summary>The Orleans runtime's own instruments (grain calls, activations, messaging, membership), exported beside IceWatch's.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";
    public const string PeerConnections = "icewatch.peer_connections";
    public const string RelayBytes = "icewatch.relay.bytes";
    public const string RegionFailureRate = "icewatch.region.failure_rate";
    public const string RegionClients = "icewatch.region.clients";
    public const string IngestBacklog = "icewatch.ingest.backlog";
    public const string ProcessingLag = "icewatch.processing.lag";

    /// <summary>Written for a missing category, pair type or relay protocol.</summary>
    public const string None = "none";
    public const string FailureRateWindow = "5m";
}
