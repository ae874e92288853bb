namespace IceWatch.Silo;

/// <summary>One region's final peer connections in one time bucket; Failed counts ICE failures only.</summary>
public sealed record RegionBucket(
    string Region, DateTimeOffset Start, long PeerConnections, long Failed, long Connected, long RelayedConnected, long BytesRelayed, long BytesDirect);
