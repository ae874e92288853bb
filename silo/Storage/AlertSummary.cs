namespace IceWatch.Silo;

/// <summary>An incident as the overview lists it: a region or TURN URL whose failure rate crossed its threshold.</summary>
public sealed record AlertSummary(
    string ScopeKind, string ScopeValue, string Rule, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    double PeakRate, double Threshold, string Title, string? Summary);
