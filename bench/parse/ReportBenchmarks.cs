using BenchmarkDotNet.Attributes;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;
using IceWatch.Load;

namespace IceWatch.Bench.Parse;

/// <summary>
/// What the server spends on one SDK report from the load client (11 KB: pair, candidates,
/// transport, RTP streams, codecs): reading it as the ingest API validates it, and reading plus
/// folding it into a session as processing does (every value, or only what the timeline folds).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ReportBenchmarks
{
    private byte[] report = [];

    [Params(0L, 5L)]
    public long Seq { get; set; }

    [GlobalSetup]
    public void Build() =>
        report = new ReportBodies(new LoadOptions { Sessions = 1, ReportBytes = 11 * 1024, RunId = "bench" }).Build(Seq);

    [Benchmark]
    public long Validate() => UploadReader.Validate(new MemoryStream(report, writable: false)).Events;

    [Benchmark(Baseline = true)]
    public int ProcessEveryValue() => Process(StatsFilter.All);

    [Benchmark]
    public int ProcessForTimeline() => Process(StatsFilter.Timeline);

    private int Process(StatsFilter filter)
    {
        var grain = new SessionGrain(new SessionState { SessionId = "bench" }, SessionOptions.Default);
        grain.Apply(UploadReader.Read(new MemoryStream(report, writable: false), filter), DateTimeOffset.UnixEpoch);
        return grain.Evaluate(now: null).Count;
    }
}
