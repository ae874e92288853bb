namespace IceWatch.Silo;

/// <summary>A session ranked by its failed peer connections.</summary>
public sealed record SessionSummary(string SessionId, string Region, long PeerConnections, long Failed, string? TopCategory, DateTimeOffset UpdatedAt);
