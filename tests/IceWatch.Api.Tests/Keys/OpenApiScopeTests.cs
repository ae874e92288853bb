using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class OpenApiScopeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Every_tenant_operation_names_its_scope_in_its_security_requirement_and_documents_403()
    {
        var document = await api.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/v1/", StringComparison.Ordinal) && !p.Name.StartsWith("/v1/admin/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count >= 17, $"only {operations.Count} operations");
        foreach (var (path, method, operation) in operations)
        {
            var scope = operation.GetProperty("x-icewatch-scope").GetString();
            var bearer = operation.GetProperty("security")[0].GetProperty("ApiKey");
            Assert.True(scope == bearer[0].GetString(), $"{method} {path}: x-icewatch-scope {scope}, security {bearer}");
            Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _), $"{method} {path} documents no 403");
            Assert.Contains($"Scope: `{scope}`", operation.GetProperty("description").GetString());
        }

        var reports = document.GetProperty("paths").GetProperty("/v1/reports").GetProperty("post");
        Assert.Equal("ingest:reports", reports.GetProperty("security")[1].GetProperty("PublishableKey")[0].GetString());
        Assert.Equal("read", document.GetProperty("paths").GetProperty("/v1/sessions/{id}").GetProperty("get").GetProperty("x-icewatch-scope").GetString());
        Assert.Equal("admin", document.GetProperty("paths").GetProperty("/v1/notification-targets").GetProperty("get").GetProperty("x-icewatch-scope").GetString());
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "query", "key"), (schemes.GetProperty("PublishableKey").GetProperty("type").GetString(),
            schemes.GetProperty("PublishableKey").GetProperty("in").GetString(), schemes.GetProperty("PublishableKey").GetProperty("name").GetString()));
        Assert.True(document.GetProperty("paths").GetProperty("/v1/admin/keys/{keyId}").GetProperty("delete").GetProperty("security")[0].TryGetProperty("AdminKey", out _));
    }
}
