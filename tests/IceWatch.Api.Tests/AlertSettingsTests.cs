using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AlertSettingsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_region_override_inherits_the_tenant_default_and_is_listed_with_the_rule_in_force()
    {
        var client = await api.TenantClientAsync("rules");

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/v1/alert-rules/default", new { minPeerConnections = 50 })).StatusCode);
        var put = await client.PutAsJsonAsync("/v1/alert-rules/region:eu-west", new { threshold = 0.02 });
        var view = await put.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("region:eu-west", view.GetProperty("scope").GetString());
        Assert.Equal(0.02, view.GetProperty("effective").GetProperty("threshold").GetDouble());
        Assert.Equal(50, view.GetProperty("effective").GetProperty("minPeerConnections").GetInt64());
        var listed = await client.GetFromJsonAsync<JsonElement[]>("/v1/alert-rules");
        Assert.Equal(["default", "region:eu-west"], listed!.Select(r => r.GetProperty("scope").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/alert-rules/region:eu-west")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/v1/alert-rules/region:eu-west")).StatusCode);
    }

    [Theory]
    [InlineData("region:eu-west", """{"threshold": 1.5}""", "threshold must be in (0, 1).")]
    [InlineData("region:eu-west", """{"threshold": 0.01, "recoveryThreshold": 0.02}""", "recoveryThreshold must not exceed threshold.")]
    [InlineData("planet:mars", """{"threshold": 0.01}""", "scope 'planet:mars' must be")]
    public async Task Invalid_rules_are_refused_with_a_problem_naming_the_field(string scope, string body, string detail)
    {
        var client = await api.TenantClientAsync("rules-bad");

        var response = await client.PutAsync($"/v1/alert-rules/{scope}", Payloads.Body(Payloads.Utf8(body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Targets_belong_to_their_tenant_and_never_show_their_secret()
    {
        var owner = await api.TenantClientAsync("targets-a");
        var other = await api.TenantClientAsync("targets-b");

        var created = await owner.PostAsJsonAsync("/v1/notification-targets", new { kind = "pagerduty", routingKey = "abcdefghijklmnop1234" });
        var target = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = target.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("https://events.pagerduty.com/v2/enqueue", target.GetProperty("url").GetString());
        Assert.Equal("…1234", target.GetProperty("secretHint").GetString());
        Assert.DoesNotContain("abcdefghijklmnop1234", await owner.GetStringAsync("/v1/notification-targets"));
        Assert.Empty((await other.GetFromJsonAsync<JsonElement[]>("/v1/notification-targets"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/v1/notification-targets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/v1/notification-targets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync("/v1/notification-targets", new { kind = "sms", url = "http://x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync("/v1/notification-targets", new { kind = "pagerduty" })).StatusCode);
    }

    [Fact]
    public async Task Alerts_need_an_api_key_and_start_empty()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client().GetAsync("/v1/alerts")).StatusCode);
        var client = await api.TenantClientAsync("alerts-empty");

        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>("/v1/alerts"))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/v1/alerts?status=open")).StatusCode);
    }
}
