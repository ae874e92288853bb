using System.Net;
using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>Browsers on distinct networks posting with a tenant's publishable key, through the trusted proxy's X-Forwarded-For.</summary>
public sealed class Browsers(HttpClient http, string publishableKey)
{
    /// <summary>A documentation address in its own /24 for each browser number.</summary>
    public static string Address(int browser) => $"198.{18 + browser / 256 % 2}.{browser % 256}.7";

    public async Task<HttpResponseMessage> PostAsync(string path, byte[] body, int browser)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path.Contains('?') ? $"{path}&key={publishableKey}" : $"{path}?key={publishableKey}")
        {
            Content = Payloads.Body(body, "text/plain"),
        };
        request.Headers.Add("X-Forwarded-For", Address(browser));
        return await http.SendAsync(request);
    }

    /// <summary>One session per browser, each a call of one peer connection, healthy or failing ICE on a TURN 401.</summary>
    public async Task CallsAsync(string region, string prefix, IEnumerable<int> browsers, Func<int, bool> fails)
    {
        await Parallel.ForEachAsync(browsers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (browser, _) =>
        {
            var response = await PostAsync("/v1/reports", CallBatches.Build($"{prefix}-{browser}", region, fails(browser) ? 0 : 1, fails(browser) ? 1 : 0), browser);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        });
    }
}
