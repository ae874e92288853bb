using IceWatch.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

/// <summary>Drives a region over and back under a small test threshold through the real API.</summary>
public static class AlertDriving
{
    /// <summary>20% threshold, 10% recovery, 10 peer connections and 10 clients minimum, resolved 1 s after recovering.</summary>
    public static async Task UseTestRuleAsync(HttpClient client, string region)
    {
        var put = await client.PutAsJsonAsync($"/v1/alert-rules/region:{region}",
            new { threshold = 0.2, recoveryThreshold = 0.1, minPeerConnections = 10, minClients = 10, resolveAfterSeconds = 1 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    /// <summary>
    /// Calls of one peer connection each, every call its own session (<paramref name="session"/>, then
    /// <paramref name="session"/>-1, -2, ...): the paging rule counts clients, and a session is its own client.
    /// </summary>
    public static async Task UploadAsync(HttpClient client, string session, string region, int connected, int failed)
    {
        for (var i = 0; i < connected + failed; i++)
        {
            var id = i == 0 ? session : $"{session}-{i}";
            var response = await client.PostAsync("/v1/reports", Payloads.Body(i < connected
                ? CallBatches.Build(id, region, 1, 0)
                : CallBatches.Build(id, region, 0, 1)));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        }
    }

    public static async Task<JsonElement> WaitForIncidentAsync(HttpClient client, string region, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement[] last = [];
        while (DateTime.UtcNow < deadline)
        {
            last = (await client.GetFromJsonAsync<JsonElement[]>("/v1/alerts"))!;
            var match = last.FirstOrDefault(i => i.GetProperty("scopeValue").GetString() == region && i.GetProperty("status").GetString() == status);
            if (match.ValueKind == JsonValueKind.Object) return match;
            await Task.Delay(200);
        }
        var stats = await client.GetStringAsync($"/v1/regions/{region}/stats");
        throw new TimeoutException($"no {status} incident for {region} within {timeout}: {JsonSerializer.Serialize(last)}; region: {stats}");
    }
}
