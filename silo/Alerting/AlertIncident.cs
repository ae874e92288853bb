using IceWatch.Grains.Alerting;

namespace IceWatch.Silo;

/// <summary>
/// One incident of one (tenant, scope, rule): counts and categories are those of the window at
/// the peak rate; CurrentRate is the rate at the latest evaluation. The rates are over clients
/// (Clients, FailedClients); PeerConnections, Failed and Categories count peer connections.
/// </summary>
public sealed record AlertIncident(
    Guid Id,
    Guid TenantId,
    string Tenant,
    string ScopeKind,
    string ScopeValue,
    string Rule,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    double PeakRate,
    double? CurrentRate,
    long PeerConnections,
    long Failed,
    double Threshold,
    IReadOnlyDictionary<string, long> Categories,
    IReadOnlyList<CauseShare> Causes,
    IReadOnlyList<WorstSession> WorstSessions,
    string Title,
    string Summary,
    DateTimeOffset UpdatedAt)
{
    public long? Clients { get; init; }

    public long? FailedClients { get; init; }

    public const string Firing = "firing";
    public const string Resolved = "resolved";

    /// <summary>Stable across evaluations and nodes: what the incident is about, not when.</summary>
    public string Key => $"{TenantId}/{ScopeKind}/{ScopeValue}/{Rule}";

    public IncidentScope Scope => new(ScopeKind, ScopeValue);
}
