using IceWatch.Grains.Alerting;

namespace IceWatch.Silo;

/// <summary>A stored override: ScopeKind 'tenant' (ScopeValue '') for the tenant's default, or 'region' / 'turn_url'.</summary>
public sealed record AlertRuleOverride(string ScopeKind, string ScopeValue, AlertRuleSettings Settings, DateTimeOffset UpdatedAt)
{
    public const string TenantKind = "tenant";
}
