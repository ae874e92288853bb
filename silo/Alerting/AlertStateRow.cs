using IceWatch.Grains.Alerting;

namespace IceWatch.Silo;

/// <summary>The locked alert state of one (tenant, scope, rule) with its open incident and the schedule of its resends.</summary>
internal sealed record AlertStateRow(
    AlertState State,
    Guid? IncidentId,
    DateTimeOffset? EvaluatedAt,
    DateTimeOffset? NextResendAt,
    int Resends,
    DateTimeOffset? NextReminderAt,
    int Reminders);
