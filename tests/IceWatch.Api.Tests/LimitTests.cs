using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using IceWatch.Testing;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class LimitTests(SmallLimitsApiFixture api) : IClassFixture<SmallLimitsApiFixture>
{
    [Fact]
    public async Task A_body_over_the_request_limit_is_a_413()
    {
        var client = await api.TenantClientAsync("big");
        var body = RandomNumberGenerator.GetBytes(SmallLimitsApiFixture.MaxRequestBodyBytes + 1);

        var response = await client.PostAsync("/v1/dumps", Payloads.Body(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "exceeds");
    }

    [Fact]
    public async Task A_streamed_body_without_length_over_the_limit_is_a_413()
    {
        var client = await api.TenantClientAsync("big-chunked");
        var content = new StreamContent(new MemoryStream(new byte[SmallLimitsApiFixture.MaxRequestBodyBytes * 2]));
        content.Headers.ContentLength = null;

        var response = await client.PostAsync("/v1/dumps", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "exceeds");
    }

    [Fact]
    public async Task A_gzip_bomb_is_stopped_at_the_decompressed_limit_with_a_413()
    {
        var client = await api.TenantClientAsync("bomb");
        // A valid-looking dump start followed by megabytes of spaces: tiny gzipped, large inflated.
        var inflated = Payloads.Utf8("{\"PeerConnections\":{}," + new string(' ', SmallLimitsApiFixture.MaxDecompressedBytes * 4) + "}");
        var bomb = Payloads.Gzip(inflated);
        Assert.True(bomb.Length < SmallLimitsApiFixture.MaxRequestBodyBytes);

        var response = await client.PostAsync("/v1/dumps", Payloads.Body(bomb, contentEncoding: "gzip"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "decompressed body exceeds");
    }

    [Fact]
    public async Task A_report_batch_over_the_request_limit_is_a_413()
    {
        var client = await api.TenantClientAsync("big-report");
        var padding = new string('x', SmallLimitsApiFixture.MaxRequestBodyBytes);
        var body = Payloads.Utf8("{\"sessionId\":\"big\",\"metadata\":{\"pad\":\"" + padding + "\"},\"reports\":[]}");

        var response = await client.PostAsync("/v1/reports", Payloads.Body(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "exceeds");
    }

    [Fact]
    public async Task An_upload_with_more_peer_connections_than_allowed_is_a_413_naming_the_limit()
    {
        var client = await api.TenantClientAsync("many-pcs");

        var response = await client.PostAsync("/v1/reports", Payloads.Body(CallBatches.Build("many-pcs", "eu-west", connected: 4, failed: 0)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, $"more than {SmallLimitsApiFixture.MaxUploadPeerConnections} peer connections");
    }

    [Fact]
    public async Task A_session_past_its_limit_keeps_its_first_peer_connections_and_says_what_it_left_out()
    {
        var client = await api.TenantClientAsync("full-session");

        foreach (var (connected, failed) in new[] { (3, 0), (0, 3) })
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/reports", Payloads.Body(CallBatches.Build("full-session", "eu-west", connected, failed)))).StatusCode);

        var session = await Poll.UntilAsync(client, "/v1/sessions/full-session",
            s => s.GetProperty("pendingUploads").GetInt32() == 0 && s.GetProperty("truncation").ValueKind == JsonValueKind.Object);
        Assert.Equal(SmallLimitsApiFixture.MaxSessionPeerConnections, session.GetProperty("peerConnections").GetArrayLength());
        var truncation = session.GetProperty("truncation");
        Assert.Equal(2, truncation.GetProperty("peerConnections").GetInt64());
        Assert.Contains("2 further peer connections", truncation.GetProperty("note").GetString());
        var page = await client.GetStringAsync("/ui/sessions/full-session?key=" + Uri.EscapeDataString(client.DefaultRequestHeaders.Authorization!.Parameter!));
        Assert.Contains("2 further peer connections", page);
    }
}
