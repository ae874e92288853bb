using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IceWatch.Silo;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class KeyKindTests(KeysApiFixture api) : IClassFixture<KeysApiFixture>
{
    private const string App = "https://app.example.com";

    private static HttpRequestMessage Report(string path, string session, string? origin = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Payloads.Body(Payloads.SdkReport(session)) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
        return request;
    }

    [Fact]
    public async Task An_admin_key_makes_a_publishable_key_that_posts_reports_from_its_origin_and_reads_nothing()
    {
        var keys = await api.NewTenantAsync("pub-made");
        var admin = api.Client(keys.Admin);

        var created = await admin.PostAsJsonAsync("/v1/keys", new { kind = "publishable", label = "web", origins = new[] { "HTTPS://App.Example.com" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Poll.JsonAsync(created);
        var key = body.GetProperty("apiKey").GetString()!;
        Assert.StartsWith("iwp_", key);
        Assert.Equal("publishable", body.GetProperty("kind").GetString());
        Assert.Equal(App, body.GetProperty("origins")[0].GetString());
        var client = api.Client();
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Report($"/v1/reports?key={key}", "pub-made-1", App))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Report("/v1/reports", "pub-made-2", App, bearer: key))).StatusCode);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(Report($"/v1/reports?key={key}", "pub-made-3", "https://evil.example.net")),
            HttpStatusCode.Forbidden, "origin 'https://evil.example.net'");
        await ProblemAssert.IsProblemAsync(await client.SendAsync(Report($"/v1/reports?key={key}", "pub-made-4")), HttpStatusCode.Forbidden, "no Origin header");
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/v1/sessions/pub-made-1?key={key}"), HttpStatusCode.Forbidden, "'read' scope");

        var listed = await admin.GetFromJsonAsync<JsonElement[]>("/v1/keys");
        var entry = listed!.Single(k => k.GetProperty("keyId").GetString() == body.GetProperty("keyId").GetString());
        Assert.Equal("publishable", entry.GetProperty("kind").GetString());
        Assert.DoesNotContain(key, JsonSerializer.Serialize(listed));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/keys/{entry.GetProperty("keyId").GetString()}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(Report($"/v1/reports?key={key}", "pub-made-5", App)), HttpStatusCode.Unauthorized, "not valid");
    }

    [Fact]
    public async Task A_secret_key_in_the_query_string_is_refused_and_says_to_use_the_header()
    {
        var keys = await api.NewTenantAsync("query-secret");

        foreach (var secret in new[] { keys.Admin, keys.Read })
            await ProblemAssert.IsProblemAsync(await api.Client().SendAsync(Report($"/v1/reports?key={secret}", "query-secret-1")),
                HttpStatusCode.Unauthorized, "Only publishable keys may be sent in the 'key' query parameter");
    }

    [Fact]
    public async Task Publishable_keys_post_dumps_only_once_the_tenant_allows_it()
    {
        var keys = await api.NewTenantAsync("pub-dumps");
        var dump = Payloads.Body(Payloads.Recording("turn-udp-relay", "webrtc-internals.json"));
        var publishable = api.Client(keys.Publishable);

        await ProblemAssert.IsProblemAsync(await publishable.PostAsync("/v1/dumps?session=pub-dump", dump), HttpStatusCode.Forbidden, "'ingest:dumps' scope");
        var admin = api.Client(keys.Admin);
        Assert.False((await admin.GetFromJsonAsync<JsonElement>("/v1/settings")).GetProperty("publishableDumps").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/v1/settings", new { publishableDumps = true })).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await publishable.PostAsync("/v1/dumps?session=pub-dump", dump)).StatusCode);
    }

    [Fact]
    public async Task Keys_that_cannot_be_made_are_refused_with_400_saying_why()
    {
        var admin = api.Client((await api.NewTenantAsync("bad-keys")).Admin);

        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/v1/keys", new { kind = "root" }), HttpStatusCode.BadRequest, "kind 'root'");
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/v1/keys", new { kind = "read", origins = new[] { App } }), HttpStatusCode.BadRequest, "only publishable keys take origins");
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/v1/keys", new { kind = "publishable", origins = new[] { App + "/page" } }), HttpStatusCode.BadRequest, "not a web origin");
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/v1/keys", new { kind = "publishable", origins = new[] { "ftp://files.example.com" } }), HttpStatusCode.BadRequest, "not a web origin");
    }

    [Fact]
    public async Task A_tenants_admin_key_cannot_revoke_another_tenants_key()
    {
        var mine = await api.NewTenantAsync("revoke-mine");
        var theirs = api.Client((await api.NewTenantAsync("revoke-theirs")).Admin);
        var id = (await api.Client(mine.Admin).GetFromJsonAsync<JsonElement[]>("/v1/keys"))![0].GetProperty("keyId").GetString();

        await ProblemAssert.IsProblemAsync(await theirs.DeleteAsync($"/v1/keys/{id}"), HttpStatusCode.NotFound, "no api key");
        Assert.Equal(HttpStatusCode.OK, (await api.Client(mine.Admin).GetAsync("/v1/keys")).StatusCode);
    }

    [Fact]
    public async Task Only_read_and_admin_keys_open_the_ui()
    {
        var keys = await api.NewTenantAsync("ui-kinds");

        foreach (var (kind, opens) in new[] { (KeyKinds.Publishable, false), (KeyKinds.Read, true), (KeyKinds.Admin, true) })
        {
            var page = await api.Client().GetAsync($"/ui?key={Uri.EscapeDataString(keys.Of(kind))}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(opens == html.Contains("Overview"), $"{kind}: {html[..Math.Min(300, html.Length)]}");
            if (!opens) Assert.Contains("That API key is not valid.", html);
        }
    }

    [Fact]
    public async Task The_instance_admin_issues_keys_of_each_kind_and_an_admin_key_by_default()
    {
        var admin = api.Client(KeysApiFixture.InstanceAdminKey);

        var plain = await Poll.JsonAsync(await admin.PostAsync("/v1/admin/tenants/issued/keys?label=ci", null));
        var publishable = await Poll.JsonAsync(await admin.PostAsync($"/v1/admin/tenants/issued/keys?kind=publishable&origin={Uri.EscapeDataString(App)}", null));

        Assert.Equal("admin", plain.GetProperty("kind").GetString());
        Assert.StartsWith("iws_", plain.GetProperty("apiKey").GetString());
        Assert.Equal(App, publishable.GetProperty("origins")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.Client(plain.GetProperty("apiKey").GetString()).GetAsync("/v1/keys")).StatusCode);
    }
}
