using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using IceWatch.Bench.Parse;

// icewatch-bench-parse ceiling FILE...   one timed Utf8JsonReader pass per file set (MB/s), for bench/diagnose.sh
// icewatch-bench-parse session-memory FILE N   heap per active session grain fed FILE, and its state's JSON size
// icewatch-bench-parse [BenchmarkDotNet arguments]   with ICEWATCH_BENCH_FILES=a.json:b.json
if (args is ["ceiling", .. var files])
{
    JsonCeiling.CountTokens(File.OpenRead(files[0])); // JIT warm-up
    var bytes = files.Sum(f => new FileInfo(f).Length);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    long tokens = 0;
    foreach (var file in files)
    {
        using var stream = File.OpenRead(file);
        tokens += JsonCeiling.CountTokens(stream);
    }
    var seconds = clock.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Utf8JsonReader pass: {bytes / 1048576.0:F1} MB, {tokens} tokens, {seconds:F2} s, {bytes / 1048576.0 / seconds:F1} MB/s, CPU {cpuSeconds:F3} s, heap {GC.GetTotalMemory(false) / 1048576} MB"));
    return 0;
}
if (args is ["split", var dump])
{
    foreach (var pass in new[] { "warm-up", "parse only", "parse+fold+classify" })
    {
        var clock = Stopwatch.StartNew();
        using var stream = File.OpenRead(dump);
        var events = IceWatch.Grains.Parsing.UploadReader.Read(stream);
        if (pass == "parse only") Console.WriteLine($"{pass}: {events.Count()} events");
        else
        {
            var grain = new IceWatch.Grains.Sessions.SessionGrain(new() { SessionId = "x" }, IceWatch.Grains.Sessions.SessionOptions.Default);
            grain.Apply(events, DateTimeOffset.UtcNow);
            grain.Evaluate(now: null);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pass}: {new FileInfo(dump).Length / 1048576.0 / clock.Elapsed.TotalSeconds:F1} MB/s"));
    }
    return 0;
}
if (args is ["session-memory", var input, var count])
{
    Console.WriteLine(SessionMemory.Measure(input, int.Parse(count, CultureInfo.InvariantCulture)));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(DiagnoseBenchmarks).Assembly).Run(args);
return 0;
