using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class HealthAndOpenApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Health_is_200_once_the_schema_is_migrated()
    {
        var response = await api.Client().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint()
    {
        var document = await api.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/v1/dumps").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/reports").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/sessions/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/v1/regions/{region}/stats").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/healthz").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_sdk_report_body_and_the_bearer_key()
    {
        var document = await api.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var body = document.GetProperty("paths").GetProperty("/v1/reports").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.EndsWith("/SdkReportBatch", body.GetProperty("$ref").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var batch = schemas.GetProperty("SdkReportBatch");
        Assert.Contains("sessionId", batch.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var batchText = batch.GetRawText();
        Assert.Contains("\"peerConnectionId\"", batchText);
        Assert.Contains("\"candidate\"", batchText);
        Assert.Contains("\"usernameExpiry\"", batchText);
        Assert.Contains("\"clientId\"", batchText);
        Assert.Contains("heartbeat", batchText);
        Assert.Contains("Never send 'credential'", batchText);
        Assert.Contains("\"integer\"", batch.GetProperty("properties").GetProperty("reports").GetProperty("items")
            .GetProperty("properties").GetProperty("seq").GetProperty("type").GetRawText());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
    }
}
