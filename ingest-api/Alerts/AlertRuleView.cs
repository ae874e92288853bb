using IceWatch.Grains.Alerting;

namespace IceWatch.IngestApi.Alerts;

/// <summary>An override as stored, and the rule it puts in force for its scope.</summary>
public sealed record AlertRuleView(string Scope, AlertRuleSettings Settings, EffectiveRule Effective, DateTimeOffset UpdatedAt);
