using System.Globalization;
using IceWatch.Load;

// icewatch-load --url URL [--url URL2] --key KEY [--seconds 20] [--concurrency 32] [--rate 0]
//               [--sessions 2000] [--regions 4] [--report-bytes 10240] [--max-requests N] [--run-id ID] [--timeline FILE]
// Prints one line: requests, rate, latency percentiles, status counts; --timeline writes them per second of start time.
// icewatch-load --print-body FILE writes one report body as sent (for the database-only ceiling) and exits.
if (args is ["--print-body", var file])
{
    await File.WriteAllBytesAsync(file, new ReportBodies(LoadOptions.Parse([])).Build(1));
    return 0;
}
var options = LoadOptions.Parse(args);
var timeline = args.SkipWhile(a => a != "--timeline").Skip(1).FirstOrDefault();
var sample = new ReportBodies(options).Build(1);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var run = new LoadRun(options);
var recorder = await run.RunAsync(cancel.Token);
var statuses = string.Join(' ', recorder.Statuses().OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"));
var accepted = recorder.Statuses().GetValueOrDefault(202);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"requests={recorder.Count} accepted={accepted} seconds={run.Elapsed.TotalSeconds:F1} rate={accepted / run.Elapsed.TotalSeconds:F0}/s " +
    $"p50={recorder.PercentileMs(50):F1}ms p90={recorder.PercentileMs(90):F1}ms p99={recorder.PercentileMs(99):F1}ms max={recorder.PercentileMs(100):F1}ms " +
    $"body={sample.Length}B statuses={statuses}"));
if (timeline is not null)
    await File.WriteAllLinesAsync(timeline, recorder.Timeline().Select(t => string.Create(CultureInfo.InvariantCulture,
        $"{t.Second} requests={t.Requests} p50={t.P50Ms:F1}ms max={t.MaxMs:F1}ms")));
return 0;
