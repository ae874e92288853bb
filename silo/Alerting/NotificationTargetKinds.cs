namespace IceWatch.Silo;

public static class NotificationTargetKinds
{
    public const string Webhook = "webhook";
    public const string Alertmanager = "alertmanager";
    public const string PagerDuty = "pagerduty";

    public const string PagerDutyEventsUrl = "https://events.pagerduty.com/v2/enqueue";

    public static bool IsKnown(string? kind) => kind is Webhook or Alertmanager or PagerDuty;
}
