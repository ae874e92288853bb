using System.Net;
using System.Text.Json;

namespace IceWatch.Api.Tests;

public static class ProblemAssert
{
    /// <summary>Asserts an RFC 7807 problem with this status whose detail mentions <paramref name="detailContains"/>.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        Assert.True(detail.Contains(detailContains, StringComparison.OrdinalIgnoreCase),
            $"expected the detail to mention '{detailContains}', got '{detail}'");
        return problem;
    }
}
