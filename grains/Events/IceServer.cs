namespace IceWatch.Grains.Events;

/// <summary>
/// One RTCIceServer with its secrets removed. UsernameExpiry is the expiry of a TURN REST
/// ("&lt;unix seconds&gt;:&lt;user&gt;") username, kept so a stale credential can be told apart.
/// </summary>
public sealed record IceServer(IReadOnlyList<string> Urls, bool HasCredential = false, DateTimeOffset? UsernameExpiry = null);
