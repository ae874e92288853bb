using System.Diagnostics;
using System.Net.Http.Headers;

namespace IceWatch.Load;

/// <summary>
/// Posts report batches from a number of workers until the time or the request budget is spent.
/// At a fixed rate, latency counts from each request's scheduled start, so a slow server shows
/// up as latency instead of as fewer requests (no coordinated omission).
/// </summary>
public sealed class LoadRun(LoadOptions options)
{
    private readonly ReportBodies _bodies = new(options);
    private long _next = -1;

    public async Task<LatencyRecorder> RunAsync(CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        var recorder = new LatencyRecorder(options.Concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(options.Seconds));
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(() => WorkAsync(client, w, recorder, clock, stop.Token), CancellationToken.None));
        await Task.WhenAll(workers);
        Elapsed = clock.Elapsed;
        return recorder;
    }

    public TimeSpan Elapsed { get; private set; }

    private async Task WorkAsync(HttpClient client, int worker, LatencyRecorder recorder, Stopwatch clock, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= options.MaxRequests) return;
            var body = _bodies.Build(index);
            var start = clock.Elapsed;
            if (options.Rate > 0)
            {
                start = TimeSpan.FromSeconds(index / options.Rate);
                var wait = start - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    try { await Task.Delay(wait, ct); }
                    catch (OperationCanceledException) { return; }
                }
            }
            var url = options.Urls[(int)(index % options.Urls.Count)];
            int status;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(new Uri(url, "/v1/reports"), content, CancellationToken.None);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0;
            }
            catch (TaskCanceledException)
            {
                status = -1;
            }
            recorder.Record(worker, status, (long)(clock.Elapsed - start).TotalMicroseconds, start);
        }
    }
}
