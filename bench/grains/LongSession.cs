using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IceWatch.Load;

namespace IceWatch.Bench.Grains;

/// <summary>
/// One session of two peer connections reporting every 5 s for an hour (720 reports each, sent as
/// one upload per interval): process CPU and time per upload over the first ten minutes and the last ten.
/// </summary>
public static class LongSession
{
    private const int Uploads = 720;
    private const int Window = 120;

    public static async Task<string> MeasureAsync(SiloBench silo)
    {
        var bodies = new ReportBodies(new LoadOptions { Sessions = 1 });
        var cpu = new double[Uploads];
        var wall = new double[Uploads];
        for (var seq = 0; seq < Uploads; seq++)
        {
            var body = TwoPeerConnections(bodies.Build(seq));
            var (c0, w0) = (Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());
            await silo.ProcessAsync("long-call", body);
            (cpu[seq], wall[seq]) = ((Process.GetCurrentProcess().TotalProcessorTime - c0).TotalMilliseconds, Stopwatch.GetElapsedTime(w0).TotalMilliseconds);
        }
        string Span(int from) => string.Create(CultureInfo.InvariantCulture,
            $"{cpu.Skip(from).Take(Window).Average():F2} ms CPU, {wall.Skip(from).Take(Window).Average():F2} ms per upload (median {Median(wall.Skip(from).Take(Window)):F2} ms)");
        return $"long session, 2 peer connections, {Uploads} uploads of {bodies.Build(0).Length / 1024} KiB per peer connection: " +
            $"first 10 min {Span(0)}; last 10 min {Span(Uploads - Window)}";
    }

    /// <summary>The load client's report for pc-1, sent with a copy for pc-2, as the SDK batches a page's peer connections.</summary>
    public static byte[] TwoPeerConnections(byte[] body)
    {
        var document = JsonNode.Parse(body)!.AsObject();
        var reports = document["reports"]!.AsArray();
        var second = reports[0]!.DeepClone().AsObject();
        second["peerConnectionId"] = "pc-2";
        reports.Add(second);
        document["sessionId"] = "long-call";
        return System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
