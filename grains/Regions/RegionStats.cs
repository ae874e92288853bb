namespace IceWatch.Grains.Regions;

/// <summary>A region over a window. FailureRate counts only ICE failures (not connection_lost or dtls_failed).</summary>
public sealed record RegionStats(
    string Region,
    string Window,
    DateTimeOffset From,
    DateTimeOffset To,
    long PeerConnections,
    long Connected,
    long Failed,
    double? FailureRate,
    long ConnectionLost,
    long DtlsFailed,
    long Relayed,
    double? RelayedShare,
    long BytesRelayed,
    long BytesDirect,
    double? RelayRatio,
    IReadOnlyList<CategoryCount> TopCategories);
