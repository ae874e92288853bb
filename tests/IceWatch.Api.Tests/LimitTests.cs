using System.Net;
using System.Security.Cryptography;

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
}
