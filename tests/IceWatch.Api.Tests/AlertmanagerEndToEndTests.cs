using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>Real uploads push a region over its threshold and back; a real Alertmanager shows the alert, then its resolution.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AlertmanagerEndToEndTests(AlertingApiFixture api) : IClassFixture<AlertingApiFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_region_over_its_threshold_fires_in_alertmanager_with_its_causes_and_resolves_when_it_recovers()
    {
        using var alertmanager = await AlertmanagerProcess.StartAsync();
        var client = await api.TenantClientAsync("am-tenant");
        await AlertDriving.UseTestRuleAsync(client, "am-eu");
        var target = await client.PostAsJsonAsync("/v1/notification-targets", new { kind = "alertmanager", url = alertmanager.Url });
        Assert.Equal(HttpStatusCode.Created, target.StatusCode);

        await AlertDriving.UploadAsync(client, "am-healthy", "am-eu", connected: 10, failed: 0);
        await AlertDriving.UploadAsync(client, "am-broken", "am-eu", connected: 0, failed: 10);

        var firing = await AlertDriving.WaitForIncidentAsync(client, "am-eu", "firing", Timeout);
        var alert = await WaitForAlertAsync(alertmanager, a => Label(a, "region") == "am-eu");
        Assert.Equal("IceWatchIceFailureRate", Label(alert, "alertname"));
        Assert.Equal("am-tenant", Label(alert, "tenant"));
        Assert.Equal("ice-failure-rate", Label(alert, "rule"));
        Assert.Equal("page", Label(alert, "severity"));
        var annotations = alert.GetProperty("annotations");
        Assert.Equal("ICE failure rate 50.00% in region am-eu (threshold 20.00%)", annotations.GetProperty("summary").GetString());
        Assert.StartsWith("100% turn_auth_failed on turns:turn-eu.example.com:443 — Check the TURN username",
            annotations.GetProperty("top_cause").GetString());
        Assert.Contains($"{AlertingApiFixture.PublicUrl}/ui/sessions/am-broken", annotations.GetProperty("worst_sessions").GetString());
        Assert.Equal("10", annotations.GetProperty("failed").GetString());
        Assert.Equal("20", annotations.GetProperty("peer_connections").GetString());

        Assert.Equal(0.5, firing.GetProperty("peakRate").GetDouble());
        Assert.Equal(10, firing.GetProperty("categories").GetProperty("turn_auth_failed").GetInt64());

        await AlertDriving.UploadAsync(client, "am-recovered", "am-eu", connected: 90, failed: 0);

        var resolved = await AlertDriving.WaitForIncidentAsync(client, "am-eu", "resolved", Timeout);
        Assert.Equal(firing.GetProperty("id").GetGuid(), resolved.GetProperty("id").GetGuid());
        Assert.True(resolved.GetProperty("endedAt").GetDateTimeOffset() > resolved.GetProperty("startedAt").GetDateTimeOffset());
        await WaitUntilAsync(async () => !(await alertmanager.AlertsAsync()).Any(a => Label(a, "region") == "am-eu" && IsActive(a)),
            "Alertmanager still shows the alert active after it resolved");
    }

    private static string? Label(JsonElement alert, string name) =>
        alert.GetProperty("labels").TryGetProperty(name, out var v) ? v.GetString() : null;

    private static bool IsActive(JsonElement alert) =>
        alert.GetProperty("status").GetProperty("state").GetString() == "active" && alert.GetProperty("endsAt").GetDateTimeOffset() > DateTimeOffset.UtcNow;

    private static async Task<JsonElement> WaitForAlertAsync(AlertmanagerProcess alertmanager, Func<JsonElement, bool> match)
    {
        JsonElement found = default;
        await WaitUntilAsync(async () => (found = (await alertmanager.AlertsAsync()).FirstOrDefault(match)).ValueKind == JsonValueKind.Object,
            "Alertmanager never showed the alert");
        return found;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(200);
        }
        Assert.Fail(failure);
    }
}
