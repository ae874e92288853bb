using System.Net;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SdkCorsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    internal static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/v1/reports")
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "authorization,content-type,content-encoding" },
        },
    };

    [Fact]
    public async Task A_page_on_any_origin_passes_the_preflight_for_posting_sdk_reports_with_a_bearer_key()
    {
        var response = await api.Client().SendAsync(Preflight("https://calls.example.org"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowed);
        Assert.Contains("content-encoding", allowed);
    }

    [Fact]
    public async Task A_cross_origin_report_is_accepted_and_lets_the_page_read_retry_after()
    {
        var client = await api.TenantClientAsync("cors");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reports") { Content = Payloads.Body(Payloads.SdkReport("cors-call")) };
        request.Headers.Add("Origin", "https://calls.example.org");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Retry-After", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    [Fact]
    public async Task Reads_stay_without_cors_so_another_origin_cannot_read_a_tenants_data()
    {
        var client = await api.TenantClientAsync("cors-read");
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/sessions/anything");
        request.Headers.Add("Origin", "https://calls.example.org");

        var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
