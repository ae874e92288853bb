using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DumpUploadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly byte[] Dump = Payloads.Recording("turn-udp-relay", "webrtc-internals.json");

    [Fact]
    public async Task A_raw_dump_is_accepted_with_202_and_its_session_becomes_readable()
    {
        var client = await api.TenantClientAsync("raw-dump");

        var response = await client.PostAsync("/v1/dumps?session=call-raw&region=eu-west", Payloads.Body(Dump));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/v1/sessions/call-raw", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("call-raw", body.GetProperty("sessionId").GetString());
        Assert.NotEqual(Guid.Empty, body.GetProperty("uploadId").GetGuid());
        Assert.False(body.GetProperty("duplicate").GetBoolean());

        var session = await client.GetFromJsonAsync<JsonElement>("/v1/sessions/call-raw");
        Assert.Equal("call-raw", session.GetProperty("sessionId").GetString());
        Assert.Equal("eu-west", session.GetProperty("region").GetString());
        Assert.Equal(1, session.GetProperty("uploads").GetInt32());
    }

    [Fact]
    public async Task A_dump_gzipped_with_a_content_encoding_header_is_accepted()
    {
        var client = await api.TenantClientAsync("gzip-header");

        var response = await client.PostAsync("/v1/dumps?session=call-gz-header",
            Payloads.Body(Payloads.Gzip(Dump), contentEncoding: "gzip"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/sessions/call-gz-header")).StatusCode);
    }

    [Fact]
    public async Task A_dump_gzipped_without_a_header_is_recognised_by_its_magic_bytes()
    {
        var client = await api.TenantClientAsync("gzip-magic");

        var response = await client.PostAsync("/v1/dumps?session=call-gz-magic",
            Payloads.Body(Payloads.Gzip(Dump), "application/octet-stream"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/sessions/call-gz-magic")).StatusCode);
    }

    [Fact]
    public async Task An_rtcstats_dump_is_accepted()
    {
        var client = await api.TenantClientAsync("rtcstats");
        var dump = Payloads.Recording("turn-udp-relay", "rtcstats.txt");

        var response = await client.PostAsync("/v1/dumps?session=call-rtcstats", Payloads.Body(dump, "text/plain"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_dump_is_accepted_whatever_content_type_the_client_sends()
    {
        var client = await api.TenantClientAsync("form-type");

        var response = await client.PostAsync("/v1/dumps?session=call-form", Payloads.Body(Dump, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_same_dump_uploaded_twice_is_a_duplicate_counted_once()
    {
        var client = await api.TenantClientAsync("duplicate");

        var first = await client.PostAsync("/v1/dumps?session=call-dup", Payloads.Body(Dump));
        // Same content, different transfer encoding: the hash is over the decompressed bytes.
        var second = await client.PostAsync("/v1/dumps?session=call-dup", Payloads.Body(Payloads.Gzip(Dump), contentEncoding: "gzip"));

        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.False(a.GetProperty("duplicate").GetBoolean());
        Assert.True(b.GetProperty("duplicate").GetBoolean());
        Assert.Equal(a.GetProperty("uploadId").GetGuid(), b.GetProperty("uploadId").GetGuid());
        var session = await client.GetFromJsonAsync<JsonElement>("/v1/sessions/call-dup");
        Assert.Equal(1, session.GetProperty("uploads").GetInt32());
    }

    [Fact]
    public async Task Without_session_and_region_a_new_session_id_and_region_unknown_are_used()
    {
        var client = await api.TenantClientAsync("defaults");

        var response = await client.PostAsync("/v1/dumps", Payloads.Body(Dump));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        var session = await client.GetFromJsonAsync<JsonElement>($"/v1/sessions/{id}");
        Assert.Equal("unknown", session.GetProperty("region").GetString());
    }

    [Theory]
    [InlineData("session=has%20space", "session")]
    [InlineData("session=slash%2Fy", "session")]
    [InlineData("region=eu%2Fwest", "region")]
    [InlineData("region=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "region")]
    [InlineData("session=", "session")]
    public async Task A_bad_session_or_region_id_is_a_400_naming_the_parameter(string query, string named)
    {
        var client = await api.TenantClientAsync($"bad-ids-{Guid.NewGuid():N}");

        var response = await client.PostAsync($"/v1/dumps?{query}", Payloads.Body(Dump));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, named);
    }

    [Fact]
    public async Task Garbage_is_a_400_whose_detail_says_what_was_expected()
    {
        var client = await api.TenantClientAsync("garbage");

        var response = await client.PostAsync("/v1/dumps", Payloads.Body(Payloads.Utf8("{\"PeerConnections\": {\"1-1\": [")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "expected");
    }

    [Fact]
    public async Task An_sdk_report_sent_as_a_dump_is_a_400_pointing_to_v1_reports()
    {
        var client = await api.TenantClientAsync("wrong-endpoint-dump");

        var response = await client.PostAsync("/v1/dumps", Payloads.Body(Payloads.SdkReport("s-wrong")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/v1/reports");
    }

    [Fact]
    public async Task An_empty_body_is_a_400()
    {
        var client = await api.TenantClientAsync("empty");

        var response = await client.PostAsync("/v1/dumps", Payloads.Body([]));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "empty");
    }

    [Fact]
    public async Task An_unsupported_content_encoding_is_a_415()
    {
        var client = await api.TenantClientAsync("brotli");

        var response = await client.PostAsync("/v1/dumps", Payloads.Body(Dump, contentEncoding: "br"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Encoding");
    }

    [Fact]
    public async Task A_body_declared_gzip_that_is_not_gzip_is_a_400()
    {
        var client = await api.TenantClientAsync("fake-gzip");

        var response = await client.PostAsync("/v1/dumps", Payloads.Body(Dump, contentEncoding: "gzip"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "The body is not gzip: the request says Content-Encoding: gzip");
    }

    [Fact]
    public async Task A_gzip_body_cut_off_in_transfer_is_a_400_that_says_it_was_cut_off_not_that_the_json_is_bad()
    {
        var client = await api.TenantClientAsync("cut-gzip");
        var gzip = Payloads.Gzip(Dump);

        var response = await client.PostAsync("/v1/dumps", Payloads.Body(gzip[..(gzip.Length / 2)], contentEncoding: "gzip"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, $"gzip data cut off after {gzip.Length / 2} bytes");
        Assert.DoesNotContain("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_complete_gzip_body_with_bad_json_inside_still_says_where_the_json_is_bad()
    {
        var client = await api.TenantClientAsync("gzip-bad-json");

        var response = await client.PostAsync("/v1/dumps", Payloads.Body(Payloads.Gzip(Payloads.Utf8("{\"PeerConnections\": {\"1-1\": {\"pid\": 1,,}}}")), contentEncoding: "gzip"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "expected valid JSON at line 1");
    }
}
