using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;
using IceWatch.Load;

namespace IceWatch.Bench.Grains;

/// <summary>The pure part of a session step (read, apply, evaluate and diff) for the long session's uploads, without storage.</summary>
public static class StepCost
{
    public static string Measure()
    {
        var bodies = new ReportBodies(new LoadOptions { Sessions = 1 });
        var uploads = Enumerable.Range(0, 720).Select(seq => LongSession.TwoPeerConnections(bodies.Build(seq))).ToList();
        var (read, apply, diff) = (0.0, 0.0, 0.0);
        for (var round = 0; round < 3; round++)
        {
            var session = new SessionGrain(new SessionState { SessionId = "s" }, SessionOptions.Default);
            var stored = new Dictionary<string, IceWatch.Grains.Verdicts.Verdict>();
            (read, apply, diff) = (0, 0, 0);
            foreach (var body in uploads)
            {
                var t0 = Stopwatch.GetTimestamp();
                var events = UploadReader.Read(new MemoryStream(body), StatsFilter.Timeline).ToList();
                var t1 = Stopwatch.GetTimestamp();
                session.Apply(events, DateTimeOffset.UtcNow);
                var t2 = Stopwatch.GetTimestamp();
                var changes = SessionDiff.Compute(session, stored, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
                foreach (var v in changes.ChangedVerdicts) stored[v.PeerConnectionId] = v;
                var t3 = Stopwatch.GetTimestamp();
                read += Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds;
                apply += Stopwatch.GetElapsedTime(t1, t2).TotalMicroseconds;
                diff += Stopwatch.GetElapsedTime(t2, t3).TotalMicroseconds;
            }
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"pure step per upload (2 peer connections): read {read / 720:F0} µs, apply {apply / 720:F0} µs, evaluate+diff+state JSON {diff / 720:F0} µs");
    }
}
