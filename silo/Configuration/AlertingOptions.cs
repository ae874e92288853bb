namespace IceWatch.Silo;

/// <summary>
/// Evaluation and delivery of alerts; each setting also reads ICEWATCH_&lt;NAME&gt;
/// (ICEWATCH_ALERT_INTERVAL_SECONDS, ICEWATCH_PUBLIC_URL, ICEWATCH_ALERT_RESEND_SECONDS, ...).
/// </summary>
public sealed class AlertingOptions
{
    /// <summary>How often every active region and TURN URL is evaluated.</summary>
    public double IntervalSeconds { get; set; } = 5;

    /// <summary>Base of the links in pages (incident, worst sessions).</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>How often a firing alert is sent to Alertmanager again.</summary>
    public double ResendSeconds { get; set; } = 60;

    /// <summary>Time limit of one delivery attempt.</summary>
    public double DeliveryTimeoutSeconds { get; set; } = 10;

    /// <summary>First retry delay; each further failure doubles it, up to RetryMaxSeconds.</summary>
    public double RetryBaseSeconds { get; set; } = 2;

    public double RetryMaxSeconds { get; set; } = 300;

    /// <summary>Failed attempts after which a notification is abandoned (kept, with its last error).</summary>
    public int MaxDeliveryAttempts { get; set; } = 20;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public TimeSpan ResendInterval => TimeSpan.FromSeconds(ResendSeconds);

    public TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Min(attempts - 1, 30))));
}
