using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

/// <summary>Every read endpoint answers for the key's tenant only, even for the same session id and region.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantIsolationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Tenant_b_never_sees_tenant_a_sessions_or_regions()
    {
        var a = await api.TenantClientAsync("tenant-a");
        var b = await api.TenantClientAsync("tenant-b");
        Assert.Equal(HttpStatusCode.Accepted, (await a.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("same-id", "a-only")))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await a.PostAsync("/v1/dumps?session=a-dump&region=a-only",
            Payloads.Body(Payloads.Recording("turn-udp-relay", "webrtc-internals.json")))).StatusCode);
        await WaitAsync(a, "/v1/regions/a-only/stats?window=1d", s => s.GetProperty("peerConnections").GetInt64() >= 3);

        await ProblemAssert.IsProblemAsync(await b.GetAsync("/v1/sessions/same-id"), HttpStatusCode.NotFound, "same-id");
        await ProblemAssert.IsProblemAsync(await b.GetAsync("/v1/sessions/a-dump"), HttpStatusCode.NotFound, "a-dump");
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync("/v1/regions/a-only/stats?window=1d")).StatusCode);

        // B reuses A's session id and region: each sees only its own.
        Assert.Equal(HttpStatusCode.Accepted, (await b.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("same-id", "a-only")))).StatusCode);
        var bStats = await WaitAsync(b, "/v1/regions/a-only/stats?window=1d", s => s.GetProperty("peerConnections").GetInt64() >= 1);
        Assert.Equal(1, bStats.GetProperty("peerConnections").GetInt64());
        var aStats = await a.GetFromJsonAsync<JsonElement>("/v1/regions/a-only/stats?window=1d");
        Assert.Equal(3, aStats.GetProperty("peerConnections").GetInt64());
        var aSession = await a.GetFromJsonAsync<JsonElement>("/v1/sessions/same-id");
        Assert.Equal(1, aSession.GetProperty("uploads").GetInt32());
    }

    internal static async Task<JsonElement> WaitAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK && await response.Content.ReadFromJsonAsync<JsonElement>() is var body && done(body)) return body;
            Assert.True(DateTime.UtcNow < deadline, $"{path} did not get there in 60 s: {(int)response.StatusCode}");
            await Task.Delay(100);
        }
    }
}
