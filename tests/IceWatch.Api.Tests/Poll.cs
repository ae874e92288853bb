using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

public static class Poll
{
    /// <summary>GETs <paramref name="path"/> until it answers 200 with a body <paramref name="done"/> accepts.</summary>
    public static async Task<JsonElement> UntilAsync(HttpClient client, string path, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync(path);
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && done(JsonDocument.Parse(last).RootElement)) return JsonDocument.Parse(last).RootElement;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{path} never reached the expected state; last answer: {last[..Math.Min(last.Length, 2000)]}");
    }

    public static Task<JsonElement> ProcessedSessionAsync(HttpClient client, string session) =>
        UntilAsync(client, $"/v1/sessions/{session}", s => s.GetProperty("pendingUploads").GetInt32() == 0);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
