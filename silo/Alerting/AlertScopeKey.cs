namespace IceWatch.Silo;

/// <summary>One thing an alert rule watches for one tenant: a region or a TURN URL.</summary>
internal sealed record AlertScopeKey(Guid TenantId, string ScopeKind, string ScopeValue);
