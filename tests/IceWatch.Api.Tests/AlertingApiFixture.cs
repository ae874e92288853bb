using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>The API evaluating alerts twice a second and retrying deliveries quickly.</summary>
public sealed class AlertingApiFixture(PostgresFixture postgres) : ApiFixture(postgres)
{
    public const string PublicUrl = "http://icewatch.test";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("ICEWATCH_ALERT_INTERVAL_SECONDS", "0.5"),
        new("ICEWATCH_PUBLIC_URL", PublicUrl),
        new("ICEWATCH_ALERT_RESEND_SECONDS", "2"),
        new("ICEWATCH_ALERT_RETRY_BASE_SECONDS", "0.2"),
    ];
}
