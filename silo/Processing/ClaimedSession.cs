using IceWatch.Grains.Alerting;

namespace IceWatch.Silo;

/// <summary>
/// A session row locked by the current transaction; Now is the database's transaction time. Client is
/// the network its first publishable-key upload came from, or empty: then the session is its own client.
/// </summary>
internal sealed record ClaimedSession(Guid TenantId, string SessionId, string Region, string? StateJson, DateTimeOffset CreatedAt, DateTimeOffset Now, string Client = "")
{
    public string RollupClient => Client.Length > 0 ? Client : ClientRollup.SessionClient(SessionId);
}
