namespace IceWatch.Silo;

/// <summary>
/// What an outbox row announces: a transition (fired, resolved), a reminder while firing (webhook,
/// PagerDuty) or Alertmanager's periodic re-send of a firing alert (refresh).
/// </summary>
public static class NotificationEvents
{
    public const string Fired = "fired";
    public const string Resolved = "resolved";
    public const string Reminder = "reminder";
    public const string Refresh = "refresh";

    public static bool Receives(string targetKind, string notificationEvent) => notificationEvent switch
    {
        Fired or Resolved => true,
        Refresh => targetKind == NotificationTargetKinds.Alertmanager,
        _ => targetKind != NotificationTargetKinds.Alertmanager,
    };
}
