namespace IceWatch.Grains.Alerting;

/// <summary>One root cause's share of an incident's failures, with where it happened and what to do.</summary>
public sealed record CauseShare(string Category, long Failed, double Share, string? TurnUrl, string? Fix);
