using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

internal sealed class AlertingOptionsValidator : IValidateOptions<AlertingOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertingOptions o)
    {
        var failures = new List<string>();
        if (o.IntervalSeconds is < 0.2 or > 10) failures.Add("ICEWATCH_ALERT_INTERVAL_SECONDS must be in [0.2, 10] (the rule is evaluated at least every 10 s).");
        if (!Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            failures.Add("ICEWATCH_PUBLIC_URL must be an absolute http(s) URL.");
        if (o.ResendSeconds is < 1 or > 3600) failures.Add("ICEWATCH_ALERT_RESEND_SECONDS must be in [1, 3600].");
        if (o.DeliveryTimeoutSeconds is < 0.1 or > 120) failures.Add("ICEWATCH_ALERT_DELIVERY_TIMEOUT_SECONDS must be in [0.1, 120].");
        if (o.RetryBaseSeconds is < 0.01 or > 600 || o.RetryMaxSeconds < o.RetryBaseSeconds) failures.Add("ICEWATCH_ALERT_RETRY_BASE_SECONDS must be in [0.01, 600] and at most ICEWATCH_ALERT_RETRY_MAX_SECONDS.");
        if (o.MaxDeliveryAttempts is < 1 or > 1000) failures.Add("ICEWATCH_ALERT_MAX_ATTEMPTS must be in [1, 1000].");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
