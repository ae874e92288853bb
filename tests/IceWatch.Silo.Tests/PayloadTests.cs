using System.Text.Json;
using IceWatch.Grains.Alerting;

namespace IceWatch.Silo.Tests;

public sealed class PayloadTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IncidentLinks Links = new("https://icewatch.example.com/");

    private static AlertIncident Incident(DateTimeOffset? ended = null) => new(
        Guid.Parse("7b0e4c1e-9a57-4f63-8f0e-2a4c3f1b6d10"), Guid.Empty, "acme", IncidentScope.RegionKind, "eu-west", AlertRule.ThresholdName,
        ended is null ? AlertIncident.Firing : AlertIncident.Resolved, Start, ended, 0.03, 0.03, 500, 15, 0.01,
        new Dictionary<string, long> { ["turn_auth_failed"] = 15 },
        [new CauseShare("turn_auth_failed", 15, 1, "turns:turn-eu.example.com:443", "check the credential generator")],
        [new WorstSession("call-1", 3, Links.Session("call-1"))], "ICE failure rate 3.00% in region eu-west (threshold 1.00%)", "summary", Start);

    [Fact]
    public void An_alertmanager_alert_carries_stable_labels_and_expires_a_few_resends_ahead_while_firing()
    {
        var now = Start.AddMinutes(1);
        var alert = JsonDocument.Parse(AlertmanagerPayload.Build(Incident(), Links, now, TimeSpan.FromSeconds(60))).RootElement[0];

        Assert.Equal("eu-west", alert.GetProperty("labels").GetProperty("region").GetString());
        Assert.Equal("IceWatchIceFailureRate", alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal(now.AddMinutes(4), alert.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal("100% turn_auth_failed on turns:turn-eu.example.com:443 — check the credential generator",
            alert.GetProperty("annotations").GetProperty("top_cause").GetString());
        Assert.Equal("https://icewatch.example.com/ui/alerts/7b0e4c1e-9a57-4f63-8f0e-2a4c3f1b6d10", alert.GetProperty("generatorURL").GetString());
    }

    [Fact]
    public void A_resolved_alertmanager_alert_ends_when_the_incident_ended()
    {
        var ended = Start.AddMinutes(9);
        var alert = JsonDocument.Parse(AlertmanagerPayload.Build(Incident(ended), Links, ended.AddSeconds(5), TimeSpan.FromSeconds(60))).RootElement[0];

        Assert.Equal(ended, alert.GetProperty("endsAt").GetDateTimeOffset());
    }

    [Fact]
    public void A_pagerduty_resolve_names_only_the_routing_key_and_the_dedup_key()
    {
        var resolve = JsonDocument.Parse(PagerDutyPayload.Build(Incident(Start.AddMinutes(9)), NotificationEvents.Resolved, "rk", Links)).RootElement;

        Assert.Equal(["routing_key", "event_action", "dedup_key"], resolve.EnumerateObject().Select(p => p.Name));
        Assert.Equal("7b0e4c1e-9a57-4f63-8f0e-2a4c3f1b6d10", resolve.GetProperty("dedup_key").GetString());
    }

    [Fact]
    public void The_webhook_signature_is_the_hmac_of_timestamp_dot_body()
    {
        // python3: hmac.new(b'k', b'1.{}', hashlib.sha256).hexdigest()
        Assert.Equal("3dd49b2593d0f9a349e9e71c4bde3e2b862c2be4003fe9b4ba81332029310158", NotificationSender.Sign("k", "1", "{}"));
    }

    [Theory]
    [InlineData("alertmanager", "refresh", true)]
    [InlineData("alertmanager", "reminder", false)]
    [InlineData("webhook", "refresh", false)]
    [InlineData("pagerduty", "reminder", true)]
    [InlineData("webhook", "resolved", true)]
    public void Each_kind_of_target_gets_its_own_events(string kind, string ev, bool receives)
    {
        Assert.Equal(receives, NotificationEvents.Receives(kind, ev));
    }
}
