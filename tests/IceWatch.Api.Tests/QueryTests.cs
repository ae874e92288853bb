using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class QueryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_unknown_session_is_a_404_problem()
    {
        var client = await api.TenantClientAsync("q-unknown");

        var response = await client.GetAsync("/v1/sessions/no-such-call");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "no-such-call");
    }

    [Fact]
    public async Task An_unknown_region_is_a_404_problem()
    {
        var client = await api.TenantClientAsync("q-unknown-region");

        var response = await client.GetAsync("/v1/regions/nowhere/stats");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "nowhere");
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("0m")]
    [InlineData("31d")]
    [InlineData("-5m")]
    [InlineData("five")]
    [InlineData("")]
    public async Task A_bad_window_is_a_400_explaining_the_format(string window)
    {
        var client = await api.TenantClientAsync($"q-window-{Guid.NewGuid():N}");
        await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("q-window", "ap-south")));

        var response = await client.GetAsync($"/v1/regions/ap-south/stats?window={Uri.EscapeDataString(window)}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "window");
    }

    [Fact]
    public async Task Another_tenants_key_sees_neither_the_session_nor_the_region()
    {
        var tenantA = await api.TenantClientAsync("tenant-a");
        var tenantB = await api.TenantClientAsync("tenant-b");
        var upload = await tenantA.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("a-secret-call", "a-only-region")));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await tenantA.GetAsync("/v1/sessions/a-secret-call")).StatusCode);
        await ProblemAssert.IsProblemAsync(await tenantB.GetAsync("/v1/sessions/a-secret-call"), HttpStatusCode.NotFound, "a-secret-call");
        await ProblemAssert.IsProblemAsync(await tenantB.GetAsync("/v1/regions/a-only-region/stats?window=30d"), HttpStatusCode.NotFound, "a-only-region");
    }

    [Fact]
    public async Task The_same_session_id_in_two_tenants_is_two_sessions()
    {
        var tenantA = await api.TenantClientAsync("same-id-a");
        var tenantB = await api.TenantClientAsync("same-id-b");

        await tenantA.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("shared-id", "region-a")));
        var second = await tenantB.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("shared-id", "region-b")));

        Assert.False((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        var seenByB = await tenantB.GetFromJsonAsync<JsonElement>("/v1/sessions/shared-id");
        Assert.Equal("region-b", seenByB.GetProperty("region").GetString());
    }

    [Fact]
    public async Task An_unknown_route_or_method_is_a_problem_naming_the_path()
    {
        var client = await api.TenantClientAsync("q-route");

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/nothing-here"), HttpStatusCode.NotFound, "/v1/nothing-here");
        await ProblemAssert.IsProblemAsync(await client.DeleteAsync("/v1/sessions/x"), HttpStatusCode.MethodNotAllowed, "DELETE");
    }
}
