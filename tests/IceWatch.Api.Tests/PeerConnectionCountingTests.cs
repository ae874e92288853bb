using System.Net;
using System.Text;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PeerConnectionCountingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>The garbage dump seen in the field: a "PeerConnections" object holding about 38,700 empty entries.</summary>
    public static byte[] EmptyEntriesDump(int entries = 38_700)
    {
        var text = new StringBuilder("""{"getUserMedia":[],"PeerConnections":{""");
        for (var i = 0; i < entries; i++) text.Append(i == 0 ? "" : ",").Append('"').Append(100_000 + i).Append("-1\":{}");
        return Encoding.UTF8.GetBytes(text.Append($$"""},"UserAgent":"x","timestamp":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}""").ToString());
    }

    [Fact]
    public async Task A_dump_of_38700_empty_entries_is_accepted_says_they_are_not_peer_connections_and_counts_none()
    {
        var client = await api.TenantClientAsync("garbage");

        var response = await client.PostAsync("/v1/dumps?session=garbage-dump&region=garbage-eu", Payloads.Body(EmptyEntriesDump()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await Poll.JsonAsync(response);
        Assert.Equal(0, body.GetProperty("peerConnections").GetInt32());
        Assert.Equal(38_700, body.GetProperty("ignoredEntries").GetInt32());
        Assert.Contains("38,700 entries", body.GetProperty("notes")[0].GetString());
        Assert.Contains("not peer connections", body.GetProperty("notes")[0].GetString());

        var session = await Poll.ProcessedSessionAsync(client, "garbage-dump");
        Assert.Equal(0, session.GetProperty("peerConnections").GetArrayLength());
        var region = await client.GetAsync("/v1/regions/garbage-eu/stats?window=1h");
        Assert.Equal(0, (await Poll.JsonAsync(region)).GetProperty("peerConnections").GetInt64());
    }

    [Fact]
    public async Task A_real_dump_answers_how_many_peer_connections_it_holds_and_no_note()
    {
        var client = await api.TenantClientAsync("real-count");

        var response = await client.PostAsync("/v1/dumps?session=real-count", Payloads.Body(Payloads.Recording("turn-udp-relay", "webrtc-internals.json")));

        var body = await Poll.JsonAsync(response);
        Assert.Equal((2, 0, 0), (body.GetProperty("peerConnections").GetInt32(), body.GetProperty("ignoredEntries").GetInt32(), body.GetProperty("notes").GetArrayLength()));
    }
}
