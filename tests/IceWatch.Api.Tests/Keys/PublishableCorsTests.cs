using System.Net;
using System.Text;
using IceWatch.Silo;
using Microsoft.Extensions.DependencyInjection;

namespace IceWatch.Api.Tests;

/// <summary>A publishable key with an origin list, as a browser uses it: preflight, fetch with the key in the query string, beacon.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PublishableCorsTests(KeysApiFixture api) : IClassFixture<KeysApiFixture>
{
    private const string App = "https://app.example.com";
    private const string Other = "https://elsewhere.example.net";

    private async Task<string> PublishableKeyAsync(string tenant, params string[] origins)
    {
        var admin = api.Factory.Services.GetRequiredService<ApiKeyAdmin>();
        return (await admin.IssueAsync(tenant, "web", KeyKinds.Publishable, origins.Length == 0 ? null : origins, CancellationToken.None)).ApiKey;
    }

    private static HttpRequestMessage Preflight(string path, string origin, string headers = "content-type") => new(HttpMethod.Options, path)
    {
        Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", headers } },
    };

    [Fact]
    public async Task A_preflight_for_a_query_string_key_is_answered_only_for_the_keys_origins()
    {
        var key = await PublishableKeyAsync("cors-preflight", App);

        var mine = await api.Client().SendAsync(Preflight($"/v1/reports?key={key}", App));
        var foreign = await api.Client().SendAsync(Preflight($"/v1/reports?key={key}", Other));

        Assert.Equal(App, Assert.Single(mine.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_beacon_shaped_post_with_the_key_in_the_query_string_is_accepted_from_the_keys_origin()
    {
        var key = await PublishableKeyAsync("cors-beacon", App);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/reports?key={key}")
        {
            Content = new StringContent(Encoding.UTF8.GetString(Payloads.SdkReport("beacon-call")), Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", App);

        var response = await api.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(App, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_post_from_a_foreign_origin_is_refused_and_gets_no_cors_answer_to_read()
    {
        var key = await PublishableKeyAsync("cors-foreign", App);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/reports?key={key}") { Content = Payloads.Body(Payloads.SdkReport("foreign-call")) };
        request.Headers.Add("Origin", Other);

        var response = await api.Client().SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, Other);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_publishable_key_without_origins_posts_from_any_origin()
    {
        var key = await PublishableKeyAsync("cors-any");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/reports?key={key}") { Content = Payloads.Body(Payloads.SdkReport("any-call")) };
        request.Headers.Add("Origin", Other);

        var response = await api.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }
}
