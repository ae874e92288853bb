using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace IceWatch.Fault.Tests;

/// <summary>
/// Posts every report of a fixed plan to the ingest processes, retrying each (same bytes, any process)
/// until one answers 202, as an SDK would. Remembers what was confirmed accepted; a report still
/// unconfirmed at the deadline may or may not have been committed.
/// </summary>
public sealed class ReportLoad(IReadOnlyList<Uri> ingest, string apiKey, int sessions, int reportsPerSession, int regions, string runId)
{
    private readonly ConcurrentDictionary<int, long> _statuses = new();
    private long _next = -1;
    private long _maxLatencyMs;

    public ConcurrentDictionary<string, ConcurrentBag<int>> Accepted { get; } = new();
    public ConcurrentDictionary<string, ConcurrentBag<int>> Unconfirmed { get; } = new();
    public IReadOnlyDictionary<int, long> Statuses => _statuses;
    public long MaxLatencyMs => _maxLatencyMs;
    public string Region(int session) => $"{runId}-r{session % regions}";
    public string SessionId(int session) => $"{runId}-s{session}";

    /// <param name="pause">Each sender waits this long between reports (zero: as fast as answered).</param>
    public async Task RunAsync(int concurrency, TimeSpan deadline, Func<bool>? keepGoing = null, TimeSpan pause = default)
    {
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) }) { Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            long item;
            while ((item = Interlocked.Increment(ref _next)) < (long)sessions * reportsPerSession && (keepGoing?.Invoke() ?? true))
            {
                await SendUntilAcceptedAsync(client, (int)(item % sessions), (int)(item / sessions), clock, deadline);
                if (pause > TimeSpan.Zero) await Task.Delay(pause);
            }
        })));
    }

    private async Task SendUntilAcceptedAsync(HttpClient client, int session, int seq, Stopwatch clock, TimeSpan deadline)
    {
        var body = ReportBodies.Build(SessionId(session), Region(session), seq);
        for (var attempt = 0; clock.Elapsed < deadline; attempt++)
        {
            var started = clock.ElapsedMilliseconds;
            var status = await PostAsync(client, ingest[(session + attempt) % ingest.Count], body);
            var latency = clock.ElapsedMilliseconds - started;
            long seen;
            while (latency > (seen = Interlocked.Read(ref _maxLatencyMs)) && Interlocked.CompareExchange(ref _maxLatencyMs, latency, seen) != seen) { }
            _statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
            if (status == (int)HttpStatusCode.Accepted)
            {
                Accepted.GetOrAdd(SessionId(session), _ => []).Add(seq);
                return;
            }
            await Task.Delay(Math.Min(1000, 50 * (attempt + 1)));
        }
        Unconfirmed.GetOrAdd(SessionId(session), _ => []).Add(seq);
    }

    /// <summary>The status code, 0 when the connection failed, -1 when no answer came within the timeout.</summary>
    private static async Task<int> PostAsync(HttpClient client, Uri server, byte[] body)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri(server, "/v1/reports"), content);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return -1;
        }
    }
}
