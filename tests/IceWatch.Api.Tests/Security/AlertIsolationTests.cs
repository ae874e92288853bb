using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

/// <summary>The alerting and UI read endpoints answer for the key's tenant only.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AlertIsolationTests(AlertingApiFixture api) : IClassFixture<AlertingApiFixture>
{
    [Fact]
    public async Task Tenant_b_sees_none_of_tenant_a_alerts_rules_targets_or_ui_pages()
    {
        var a = await api.TenantClientAsync("alerts-a");
        var bKey = await api.NewTenantKeyAsync("alerts-b");
        var b = api.Client(bKey);
        await AlertDriving.UseTestRuleAsync(a, "a-region");
        var target = await a.PostAsJsonAsync("/v1/notification-targets", new { kind = "webhook", url = "http://127.0.0.1:9/hook", secret = "a-secret-0123456789", name = "a-ops" });
        Assert.Equal(HttpStatusCode.Created, target.StatusCode);
        var targetId = (await target.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await AlertDriving.UploadAsync(a, "a-burst", "a-region", connected: 5, failed: 10);
        var incident = await AlertDriving.WaitForIncidentAsync(a, "a-region", "firing", TimeSpan.FromSeconds(60));
        var incidentId = incident.GetProperty("id").GetString();

        Assert.DoesNotContain("a-region", await b.GetStringAsync("/v1/alerts?window=7d"));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/v1/alerts/{incidentId}")).StatusCode);
        Assert.DoesNotContain("a-region", await b.GetStringAsync("/v1/alert-rules"));
        var bTargets = await b.GetStringAsync("/v1/notification-targets");
        Assert.DoesNotContain("a-ops", bTargets);
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/v1/notification-targets/{targetId}")).StatusCode);
        Assert.Contains("a-ops", await a.GetStringAsync("/v1/notification-targets"));

        var ui = api.Client();
        var overview = await ui.GetAsync($"/ui/?window=24h&key={bKey}");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.DoesNotContain("a-region", await overview.Content.ReadAsStringAsync());
        var page = await ui.GetAsync("/ui/sessions/a-burst");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
