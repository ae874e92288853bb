namespace IceWatch.Silo;

/// <summary>A session row locked by the current transaction; Now is the database's transaction time.</summary>
internal sealed record ClaimedSession(Guid TenantId, string SessionId, string Region, string? StateJson, DateTimeOffset CreatedAt, DateTimeOffset Now);
