using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

/// <summary>Upload, in-process processing, verdicts, region rollup: the whole path through the default role.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FullLoopTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_real_relayed_call_gets_connected_relay_verdicts_and_is_counted_in_its_region()
    {
        var client = await api.TenantClientAsync("loop");
        var dump = Payloads.Recording("turn-udp-relay", "webrtc-internals.json");

        var upload = await client.PostAsync("/v1/dumps?session=loop-call&region=lab-eu", Payloads.Body(Payloads.Gzip(dump)));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);

        var session = await PollAsync(client, "/v1/sessions/loop-call",
            s => s.GetProperty("pendingUploads").GetInt32() == 0 && s.GetProperty("peerConnections").GetArrayLength() > 0);
        var verdicts = session.GetProperty("peerConnections").EnumerateArray().ToList();
        Assert.Equal(2, verdicts.Count);
        Assert.All(verdicts, v =>
        {
            Assert.Equal("connected", v.GetProperty("outcome").GetString());
            Assert.True(v.GetProperty("relayed").GetBoolean());
            Assert.Equal("relay", v.GetProperty("selectedPair").GetProperty("localType").GetString());
            Assert.Equal("udp", v.GetProperty("selectedPair").GetProperty("relayProtocol").GetString());
            Assert.Equal(JsonValueKind.Null, v.GetProperty("category").ValueKind);
        });

        var stats = await PollAsync(client, "/v1/regions/lab-eu/stats?window=30d", s => s.GetProperty("peerConnections").GetInt64() >= 2);
        Assert.Equal(2, stats.GetProperty("connected").GetInt64());
        Assert.Equal(0, stats.GetProperty("failed").GetInt64());
        Assert.Equal(2, stats.GetProperty("relayed").GetInt64());
    }

    [Fact]
    public async Task A_fresh_sdk_report_is_counted_in_the_default_five_minute_window()
    {
        var client = await api.TenantClientAsync("loop-sdk");

        var upload = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("loop-sdk-call", "loop-sdk-region")));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);

        var session = await PollAsync(client, "/v1/sessions/loop-sdk-call",
            s => s.GetProperty("peerConnections").EnumerateArray().Any(v => v.GetProperty("outcome").GetString() != "pending"));
        Assert.Equal("connected", session.GetProperty("peerConnections")[0].GetProperty("outcome").GetString());
        var stats = await PollAsync(client, "/v1/regions/loop-sdk-region/stats", s => s.GetProperty("peerConnections").GetInt64() >= 1);
        Assert.Equal(1, stats.GetProperty("connected").GetInt64());
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (done(last)) return last;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"{path} did not reach the expected state within 60 s; last answer: {last}");
        return last;
    }
}
