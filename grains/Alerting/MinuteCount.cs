namespace IceWatch.Grains.Alerting;

/// <summary>Peer connections with one final outcome and category in one minute bucket of a region or TURN URL.</summary>
public sealed record MinuteCount(DateTimeOffset Minute, string Outcome, string Category, long PeerConnections);
