namespace IceWatch.Silo;

/// <summary>A row of the alerting's incidents: a region or TURN URL whose failure rate crossed its threshold.</summary>
public sealed record AlertIncident(
    string ScopeKind, string ScopeValue, string Rule, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    double PeakRate, double Threshold, string Title, string? Summary);
