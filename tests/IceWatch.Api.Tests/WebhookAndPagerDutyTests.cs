using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>The same drive over and back, delivered to local receivers that check the webhook signature and the PagerDuty events.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WebhookAndPagerDutyTests(AlertingApiFixture api) : IClassFixture<AlertingApiFixture>
{
    private const string Secret = "webhook-secret-0123456789";
    private const string RoutingKey = "R0UT1NGKEY0123456789abcdefabcdef";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_signed_webhook_and_pagerduty_events_announce_the_incident_and_its_resolution_once_each()
    {
        using var webhook = new NotificationReceiver(failFirst: 1);
        using var pagerDuty = new NotificationReceiver();
        var client = await api.TenantClientAsync("hooks-tenant");
        await AlertDriving.UseTestRuleAsync(client, "hooks-eu");
        await AddTargetAsync(client, new { kind = "webhook", url = webhook.Url + "hook", secret = Secret, name = "ops" });
        await AddTargetAsync(client, new { kind = "pagerduty", url = pagerDuty.Url + "v2/enqueue", routingKey = RoutingKey });

        await AlertDriving.UploadAsync(client, "hooks-healthy", "hooks-eu", connected: 10, failed: 0);
        await AlertDriving.UploadAsync(client, "hooks-broken", "hooks-eu", connected: 0, failed: 10);
        var fired = await webhook.WaitForAsync(r => Event(r) == "fired" && Scope(r) == "hooks-eu", Timeout);
        var trigger = await pagerDuty.WaitForAsync(r => Json(r).GetProperty("event_action").GetString() == "trigger" && Component(r) == "hooks-eu", Timeout);

        AssertSigned(fired);
        var incident = Json(fired).GetProperty("incident");
        Assert.Equal("firing", incident.GetProperty("status").GetString());
        Assert.Equal(0.2, incident.GetProperty("threshold").GetDouble());
        Assert.Equal(10, incident.GetProperty("failed").GetInt64());
        Assert.Equal("100% turn_auth_failed on turns:turn-eu.example.com:443 — " + FixText, incident.GetProperty("causes")[0].GetProperty("text").GetString());
        Assert.StartsWith($"{AlertingApiFixture.PublicUrl}/ui/sessions/hooks-broken", incident.GetProperty("worstSessions")[0].GetProperty("url").GetString());
        Assert.Equal((20, 10), (incident.GetProperty("clients").GetInt64(), incident.GetProperty("failedClients").GetInt64()));
        var id = incident.GetProperty("id").GetString();

        var pd = Json(trigger);
        Assert.Equal(RoutingKey, pd.GetProperty("routing_key").GetString());
        await using (var db = Npgsql.NpgsqlDataSource.Create(api.ConnectionString))
        {
            var stored = await db.CreateCommand("SELECT string_agg(body, '') || coalesce((SELECT string_agg(coalesce(secret, '') || secret_protected, '') FROM notification_targets), '') FROM alert_outbox").ExecuteScalarAsync();
            Assert.DoesNotContain(RoutingKey, (string)stored!);
            Assert.DoesNotContain(Secret, (string)stored!);
        }
        Assert.Equal(id, pd.GetProperty("dedup_key").GetString());
        Assert.Equal("critical", pd.GetProperty("payload").GetProperty("severity").GetString());
        Assert.Equal("ICE failure rate 50.00% in region hooks-eu (threshold 20.00%)", pd.GetProperty("payload").GetProperty("summary").GetString());
        Assert.Equal($"{AlertingApiFixture.PublicUrl}/ui/alerts/{id}", pd.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Equal($"{AlertingApiFixture.PublicUrl}/ui/alerts/{id}", incident.GetProperty("url").GetString());
        Assert.Equal($"{AlertingApiFixture.PublicUrl}/v1/alerts/{id}", incident.GetProperty("apiUrl").GetString());

        await AlertDriving.UploadAsync(client, "hooks-recovered", "hooks-eu", connected: 90, failed: 0);
        var resolved = await webhook.WaitForAsync(r => Event(r) == "resolved" && Scope(r) == "hooks-eu", Timeout);
        var resolve = await pagerDuty.WaitForAsync(r => Json(r).GetProperty("event_action").GetString() == "resolve" && Json(r).GetProperty("dedup_key").GetString() == id, Timeout);

        AssertSigned(resolved);
        Assert.NotNull(Json(resolved).GetProperty("incident").GetProperty("endedAt").GetString());
        Assert.Equal(RoutingKey, Json(resolve).GetProperty("routing_key").GetString());
        await Task.Delay(1500);
        Assert.Single(webhook.Requests, r => Event(r) == "fired" && Scope(r) == "hooks-eu");
        Assert.Single(webhook.Requests, r => Event(r) == "resolved" && Scope(r) == "hooks-eu");
        Assert.Single(pagerDuty.Requests, r => Json(r).GetProperty("dedup_key").GetString() == id && Json(r).GetProperty("event_action").GetString() == "resolve");

        var listed = await client.GetFromJsonAsync<JsonElement[]>("/v1/notification-targets");
        Assert.All(listed!, t => Assert.DoesNotContain(t.GetProperty("secretHint").GetString() ?? "", new[] { Secret, RoutingKey }));
        Assert.Equal("…cdef", listed!.Single(t => t.GetProperty("kind").GetString() == "pagerduty").GetProperty("secretHint").GetString());
    }

    private const string FixText = "Check the TURN username and credential your app hands to clients against the TURN server's user database or shared secret.";

    private static async Task AddTargetAsync(HttpClient client, object target) =>
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/v1/notification-targets", target)).StatusCode);

    private static JsonElement Json(ReceivedRequest r) => JsonDocument.Parse(r.Body).RootElement;

    private static string? Event(ReceivedRequest r) => Json(r).GetProperty("event").GetString();

    private static string? Scope(ReceivedRequest r) => Json(r).GetProperty("incident").GetProperty("scope").GetProperty("value").GetString();

    private static string? Component(ReceivedRequest r) =>
        Json(r).TryGetProperty("payload", out var p) ? p.GetProperty("component").GetString() : null;

    private static void AssertSigned(ReceivedRequest r)
    {
        var timestamp = r.Headers["X-IceWatch-Timestamp"];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{r.Body}")));
        Assert.Equal(expected, r.Headers["X-IceWatch-Signature"]);
        Assert.InRange(long.Parse(timestamp), DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
    }
}
