using IceWatch.Grains.Alerting;

namespace IceWatch.Silo;

/// <summary>Turns the evaluator's decision and the window's details into the incident record a page is built from.</summary>
internal static class IncidentPage
{
    public static AlertIncident Open(AlertScopeKey scope, string tenant, AlertRule rule, AlertDecision decision, PageDetails details, DateTimeOffset now) =>
        Describe(new AlertIncident(Guid.NewGuid(), scope.TenantId, tenant, scope.ScopeKind, scope.ScopeValue, rule.Name, AlertIncident.Firing,
            now, null, 0, null, 0, 0, rule.PageThreshold, new Dictionary<string, long>(), [], [], "", "", now), rule, decision, details, now);

    /// <summary>The incident after another evaluation while it fires: the peak's counts and causes when the peak rose.</summary>
    public static AlertIncident Update(AlertIncident incident, AlertRule rule, AlertDecision decision, WindowCounts current, PageDetails? details, DateTimeOffset now) =>
        details is null
            ? incident with { CurrentRate = current.Rate ?? 0, UpdatedAt = now }
            : Describe(incident, rule, decision, details, now) with { CurrentRate = current.Rate ?? 0 };

    public static AlertIncident Resolve(AlertIncident incident, AlertDecision decision, WindowCounts current, DateTimeOffset now) => incident with
    {
        Status = AlertIncident.Resolved,
        EndedAt = now,
        CurrentRate = current.Rate ?? 0,
        Summary = incident.Summary + $"\nResolved: {decision.Reason}.",
        UpdatedAt = now,
    };

    private static AlertIncident Describe(AlertIncident incident, AlertRule rule, AlertDecision decision, PageDetails details, DateTimeOffset now)
    {
        var peak = decision.State.PeakCounts ?? details.Current;
        var causes = PageText.TopCauses(peak, details.TurnUrlByCategory);
        var scope = incident.Scope;
        var worst = details.WorstSessions.Count == 0 ? "" : "\nWorst sessions: " + string.Join(" ", details.WorstSessions.Select(s => s.Url));
        return incident with
        {
            PeakRate = decision.State.PeakRate,
            CurrentRate = details.Current.Rate ?? 0,
            PeerConnections = peak.PeerConnections,
            Failed = peak.Failed,
            Clients = peak.Clients,
            FailedClients = peak.FailedClients,
            Threshold = rule.PageThreshold,
            Categories = peak.FailedByCategory,
            Causes = causes,
            WorstSessions = details.WorstSessions,
            Title = PageText.Title(scope, peak, rule.PageThreshold),
            Summary = PageText.Body(scope, peak, rule.PageThreshold, causes) + worst,
            UpdatedAt = now,
        };
    }
}
