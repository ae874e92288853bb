namespace IceWatch.Silo;

/// <summary>
/// The body each kind of target gets for an incident event, built when the row is queued. No secret goes
/// into a queued body: PagerDuty's routing key is added by the sender when it delivers.
/// </summary>
internal static class NotificationBodies
{
    public static string For(NotificationTarget target, AlertIncident incident, string notificationEvent, IncidentLinks links, DateTimeOffset now, TimeSpan resendInterval) =>
        target.Kind switch
        {
            NotificationTargetKinds.Alertmanager => AlertmanagerPayload.Build(incident, links, now, resendInterval),
            NotificationTargetKinds.PagerDuty => PagerDutyPayload.Build(incident, notificationEvent, "", links),
            _ => WebhookPayload.Build(incident, notificationEvent, links),
        };
}
