using System.Net;
using System.Net.Http.Headers;

namespace IceWatch.Fault.Tests;

/// <summary>Polls an endpoint that needs the database and checks that every 503 carries Retry-After.</summary>
public sealed class RetryAfterProbe
{
    private readonly CancellationTokenSource _stop = new();
    private Task<(int Unavailable, int WithoutHeader)>? _running;

    public static Task<RetryAfterProbe> StartAsync(Uri server, string apiKey)
    {
        var probe = new RetryAfterProbe();
        probe._running = probe.RunAsync(server, apiKey);
        return Task.FromResult(probe);
    }

    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        var (unavailable, without) = await _running!;
        return without == 0 ? $"every 503 had Retry-After ({unavailable} probed)" : $"{without} of {unavailable} 503s lacked Retry-After";
    }

    private async Task<(int, int)> RunAsync(Uri server, string apiKey)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        int unavailable = 0, without = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(server, "/v1/sessions/probe"));
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    unavailable++;
                    if (response.Headers.RetryAfter is null) without++;
                }
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        return (unavailable, without);
    }
}
