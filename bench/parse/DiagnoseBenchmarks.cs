using BenchmarkDotNet.Attributes;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;

namespace IceWatch.Bench.Parse;

/// <summary>
/// The whole diagnosis (parse, fold, classify) of a file against the bare JSON pass over it, on one
/// thread: every value as events, the timeline's fields as events (what a silo does with an upload),
/// and folded straight into the facts (what the offline diagnosis does, there on every core).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class DiagnoseBenchmarks
{
    [ParamsSource(nameof(Files))]
    public string File { get; set; } = "";

    public static IEnumerable<string> Files() =>
        (Environment.GetEnvironmentVariable("ICEWATCH_BENCH_FILES") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);

    [Benchmark(Baseline = true)]
    public long Utf8JsonReaderPass()
    {
        using var stream = System.IO.File.OpenRead(File);
        return JsonCeiling.CountTokens(stream);
    }

    [Benchmark]
    public int Diagnose()
    {
        using var stream = System.IO.File.OpenRead(File);
        var grain = new SessionGrain(new SessionState { SessionId = "bench" }, SessionOptions.Default);
        grain.Apply(UploadReader.Read(stream), DateTimeOffset.UtcNow);
        return grain.Evaluate(now: null).Count;
    }

    [Benchmark]
    public int DiagnoseTimelineEvents()
    {
        using var stream = System.IO.File.OpenRead(File);
        var grain = new SessionGrain(new SessionState { SessionId = "bench" }, SessionOptions.Default);
        grain.Apply(UploadReader.Read(stream, StatsFilter.Timeline), DateTimeOffset.UtcNow);
        return grain.Evaluate(now: null).Count;
    }

    [Benchmark]
    public int DiagnoseFoldedStraight()
    {
        using var stream = System.IO.File.OpenRead(File);
        var grain = new SessionGrain(new SessionState { SessionId = "bench" }, SessionOptions.Default);
        grain.ApplyUpload(stream, DateTimeOffset.UtcNow, readers: 1);
        return grain.Evaluate(now: null).Count;
    }
}
