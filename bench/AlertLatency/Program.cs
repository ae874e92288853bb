using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IceWatch.Bench;
using IceWatch.Grains.Alerting;
using IceWatch.Testing;

// Time from the onset of an ICE failure spike to the page, through the real path: HTTP uploads,
// processing, evaluation every ICEWATCH_ALERT_INTERVAL_SECONDS (default 5), the outbox and a webhook.
//   dotnet run -c Release -- API_DLL [RATES=100,1000] [BASELINE_S=60] [SPIKE_SHARE=0.3]
var dll = args[0];
var rates = (args.Length > 1 ? args[1] : "100,1000").Split(',').Select(int.Parse).ToArray();
var baselineSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;
var spikeShare = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.3;

await using var postgres = await PostgresCluster.StartAsync(CancellationToken.None);
foreach (var rate in rates)
{
    var database = await postgres.CreateDatabaseAsync($"bench_{rate}_{Guid.NewGuid():N}", CancellationToken.None);
    const string key = "bench-key-0123456789abcdef0123456789";
    using var api = await IngestApiProcess.StartAsync(dll, database, key, FreePorts.Next());
    using var receiver = new NotificationReceiver();
    using var http = new HttpClient { BaseAddress = new Uri(api.Url) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    (await http.PostAsJsonAsync("/v1/notification-targets", new { kind = "webhook", url = receiver.Url, secret = "bench-secret-bench" })).EnsureSuccessStatusCode();

    var region = $"bench-{rate}";
    long sent = 0, failedSent = 0, second = 0;
    var window = new List<(long Total, long Failed)>();
    DateTimeOffset? onset = null;
    int? detectableAfter = null;
    var clock = Stopwatch.StartNew();
    while (true)
    {
        var spiking = second >= baselineSeconds;
        var due = (long)Math.Floor(rate * (second + 1) / 60.0) - sent;
        var failed = spiking ? (int)Math.Round(due * spikeShare) : 0;
        if (spiking && onset is null && failed == 0 && due > 0) failed = 1;
        if (due > 0)
        {
            // One session per call: the paging rule counts clients, and a session is its own client.
            await Parallel.ForAsync(0, (int)due, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, ct) =>
            {
                var body = CallBatches.Build($"s-{second}-{call}", region, call < failed ? 0 : 1, call < failed ? 1 : 0);
                var response = await http.PostAsync("/v1/reports", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } }, ct);
                response.EnsureSuccessStatusCode();
            });
            if (failed > 0) onset ??= DateTimeOffset.UtcNow;
            sent += due;
            failedSent += failed;
            window.Add((due, failed));
            var inWindow = window.TakeLast(300).Aggregate((T: 0L, F: 0L), (a, w) => (a.T + w.Total, a.F + w.Failed));
            var counts = new WindowCounts(TimeSpan.FromMinutes(5), inWindow.T, inWindow.F, new Dictionary<string, long>()) { Clients = inWindow.T, FailedClients = inWindow.F };
            if (onset is not null && detectableAfter is null &&
                AlertEvaluator.Evaluate(AlertRule.Default, AlertState.Ok, [counts], DateTimeOffset.UtcNow).Transition == AlertTransition.Fired)
                detectableAfter = (int)(DateTimeOffset.UtcNow - onset.Value).TotalSeconds;
        }
        if (onset is not null && receiver.Requests.FirstOrDefault(r => r.Body.Contains("\"event\":\"fired\"") && r.Body.Contains(region)) is { } page)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rate,5} PCs/min, {spikeShare:P0} failing from the onset: page after {(page.At - onset.Value).TotalSeconds:F1} s " +
                $"(the window's counts cross the rule {detectableAfter ?? -1} s after the onset; {failedSent} failed of {sent} sent)"));
            break;
        }
        if (onset is not null && DateTimeOffset.UtcNow - onset.Value > TimeSpan.FromSeconds(120))
        {
            Console.WriteLine($"{rate,5} PCs/min: no page within 120 s of the onset");
            break;
        }
        second++;
        var next = TimeSpan.FromSeconds(second) - clock.Elapsed;
        if (next > TimeSpan.Zero) await Task.Delay(next);
    }
}
