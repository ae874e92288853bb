using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ReportUploadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_sdk_report_batch_is_accepted_with_its_session_and_report_count()
    {
        var client = await api.TenantClientAsync("sdk");

        var response = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("sdk-call-1", "us-east")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/v1/sessions/sdk-call-1", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sdk-call-1", body.GetProperty("sessionId").GetString());
        Assert.Equal(1, body.GetProperty("reports").GetInt32());
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        var session = await client.GetFromJsonAsync<JsonElement>("/v1/sessions/sdk-call-1");
        Assert.Equal("us-east", session.GetProperty("region").GetString());
    }

    [Fact]
    public async Task A_gzipped_batch_is_accepted_and_a_retry_is_a_duplicate()
    {
        var client = await api.TenantClientAsync("sdk-gzip");
        var batch = Payloads.Gzip(Payloads.SdkReport("sdk-call-gz"));

        var first = await client.PostAsync("/v1/reports", Payloads.Body(batch, contentEncoding: "gzip"));
        var retry = await client.PostAsync("/v1/reports", Payloads.Body(batch, contentEncoding: "gzip"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.True((await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task A_real_recorded_sdk_batch_is_accepted()
    {
        var client = await api.TenantClientAsync("sdk-recorded");

        var response = await client.PostAsync("/v1/reports",
            Payloads.Body(Payloads.Recording("turn-wrong-password", "sdk-report.json")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reports").GetInt32());
    }

    [Fact]
    public async Task A_dump_sent_as_reports_is_a_400_pointing_to_v1_dumps()
    {
        var client = await api.TenantClientAsync("sdk-wrong-endpoint");

        var response = await client.PostAsync("/v1/reports",
            Payloads.Body(Payloads.Recording("turn-wrong-password", "webrtc-internals.json")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/v1/dumps");
    }

    [Fact]
    public async Task A_report_carrying_a_turn_credential_is_a_400_naming_the_field()
    {
        var client = await api.TenantClientAsync("sdk-secret");

        var response = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("sdk-secret", withCredential: true)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "credential");
    }

    [Fact]
    public async Task A_batch_with_a_bad_session_id_is_a_400()
    {
        var client = await api.TenantClientAsync("sdk-bad-id");

        var response = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("no spaces allowed")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "sessionId");
    }

    [Fact]
    public async Task A_batch_that_is_not_json_is_a_400()
    {
        var client = await api.TenantClientAsync("sdk-not-json");

        var response = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.Utf8("{\"sessionId\":\"x\",\"reports\":[{]}")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "JSON");
    }

    [Fact]
    public async Task Json_nested_deeper_than_64_levels_is_a_400()
    {
        var client = await api.TenantClientAsync("sdk-deep");
        var deep = "{\"sessionId\":\"deep\",\"metadata\":" + new string('[', 100) + new string(']', 100) + ",\"reports\":[]}";

        var response = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.Utf8(deep)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "64");
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_batch_that_is_not_declared_json_or_plain_text_is_a_415(string contentType)
    {
        var client = await api.TenantClientAsync($"sdk-415-{Guid.NewGuid():N}");

        var response = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("sdk-415"), contentType));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Fact]
    public async Task A_batch_declared_as_plain_text_as_sendbeacon_sends_it_is_accepted()
    {
        var client = await api.TenantClientAsync("sdk-beacon-type");

        var response = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("sdk-beacon-type"), "text/plain;charset=UTF-8"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
