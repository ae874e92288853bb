using IceWatch.Grains.Alerting;

namespace IceWatch.Grains.Cluster;

/// <summary>The stored alert state of one (tenant, scope, rule): its open incident, the schedule of its resends, and the row version a change is conditioned on.</summary>
public sealed record AlertScopeRow(
    AlertState State,
    Guid? IncidentId,
    DateTimeOffset? EvaluatedAt,
    DateTimeOffset? NextResendAt,
    int Resends,
    DateTimeOffset? NextReminderAt,
    int Reminders,
    long Version);
