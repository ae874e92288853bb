namespace IceWatch.Grains.Alerting;

/// <summary>A stored client minute row of one scope, as the evaluator reads it back.</summary>
public sealed record ClientMinuteCount(DateTimeOffset Minute, string Client, string Outcome, string Category, long PeerConnections);
