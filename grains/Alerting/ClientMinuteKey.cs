namespace IceWatch.Grains.Alerting;

/// <summary>
/// One row of the client minute table: in one scope (a region, or a TURN URL), one minute bucket, one
/// client, the peer connections with one final outcome and category. A client is the network a
/// publishable-key upload came from (a keyed hash, "n:…"), or the session itself for uploads made with
/// a secret key ("s:&lt;session id&gt;"). Empty strings stand for none, as in the region minutes.
/// </summary>
public sealed record ClientMinuteKey(string ScopeKind, string ScopeValue, DateTimeOffset Minute, string Client, string Outcome, string Category);
