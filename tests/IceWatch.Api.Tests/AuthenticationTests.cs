using System.Net;
using System.Net.Http.Headers;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AuthenticationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_request_without_a_key_is_refused_with_401_and_a_bearer_challenge()
    {
        var response = await api.Client().GetAsync("/v1/sessions/anything");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "Authorization: Bearer");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_request_with_an_unknown_key_is_refused_with_401()
    {
        var response = await api.Client("iw_not-a-real-key-0123456789").PostAsync(
            "/v1/reports", Payloads.Body(Payloads.SdkReport("s1")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not valid");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task A_key_sent_with_another_scheme_is_refused_with_401()
    {
        var key = await api.NewTenantKeyAsync("basic-user");
        var client = api.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", key);

        var response = await client.GetAsync("/v1/regions/eu-west/stats");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "Bearer");
    }

    [Fact]
    public async Task A_valid_key_reaches_the_endpoint()
    {
        var client = await api.TenantClientAsync("valid-key");

        var response = await client.GetAsync("/v1/sessions/never-uploaded");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "never-uploaded");
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_need_no_key()
    {
        var client = api.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
