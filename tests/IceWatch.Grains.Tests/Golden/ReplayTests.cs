using IceWatch.Grains.Classification;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Golden;

/// <summary>
/// Every real recording replayed as a live session would receive it, half a second at a time, with
/// the server's clock at the replayed time: what IceWatch says before the recording is over.
/// </summary>
public sealed class ReplayTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    // Never-connected calls that the certain-failure rules decide from their first events (docs/diagnosis.md).
    private static readonly HashSet<string> DecidedAtOnce =
    [
        "recordings/turn-wrong-password", "recordings/turn-rest-expired", "recordings/turn-unreachable-tcp",
        "recordings/relay-no-turn", "recordings/empty-ice-servers", "recordings/firefox-turn-wrong-password",
        "recordings/firefox-relay-no-turn", "recordings/firefox-turn-loopback", "recordings/firefox-turn-udp-tcp-wrong-password",
    ];

    public static TheoryData<string, string> RealFiles() => Files(_ => true);

    public static TheoryData<string, string> DecidedAtOnceFiles() => Files(DecidedAtOnce.Contains);

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void No_call_that_connects_is_ever_failed_and_a_certain_failure_never_changes_its_cause(string scenario, string file)
    {
        var expected = Recordings.Expected(scenario).For(file);
        foreach (var (at, verdicts) in Replay(scenario, file).Where(r => r.Verdicts.Count == expected.Count))
        {
            foreach (var (e, v) in expected.Zip(verdicts))
            {
                var where = $"{scenario}/{file} {e.Role} at {at:HH:mm:ss.f}: {v.Outcome} {v.Category}; {string.Join(" | ", v.Evidence)}";
                if (e.Outcome == Outcomes.Connected) Assert.True(v.Outcome != Outcomes.Failed, where);
                if (v.Evidence.Any(line => line.Contains(CertainFailure.Consequence, StringComparison.Ordinal)))
                    Assert.True(v.Outcome == e.Outcome && v.Category == e.Category, $"expected {e.Outcome} {e.Category}: {where}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DecidedAtOnceFiles))]
    public void A_certain_failure_is_decided_with_its_cause_within_two_seconds(string scenario, string file)
    {
        var expected = Recordings.Expected(scenario).For(file);
        var (at, verdicts) = Replay(scenario, file).Skip(4).First();

        Assert.Equal(expected.Count, verdicts.Count);
        foreach (var (e, v) in expected.Zip(verdicts))
            Assert.True(v.Outcome == Outcomes.Failed && v.Category == e.Category,
                $"{scenario}/{file} {e.Role} at {at:HH:mm:ss.f}: {v.Outcome} {v.Category}, expected failed {e.Category}; {string.Join(" | ", v.Evidence)}");
    }

    private static TheoryData<string, string> Files(Func<string, bool> which)
    {
        var data = new TheoryData<string, string>();
        foreach (var (scenario, file) in Recordings.Files().Where(f => f.Scenario.StartsWith("recordings/", StringComparison.Ordinal) && which(f.Scenario)))
            data.Add(scenario, file);
        return data;
    }

    // The recording's events in half-second buckets from its first dated event; the grain gets one
    // bucket per step and is evaluated at that step's time, as a live session would be.
    private static IEnumerable<(DateTimeOffset At, IReadOnlyList<Verdict> Verdicts)> Replay(string scenario, string file)
    {
        List<IceEvent> events;
        using (var stream = File.OpenRead(Path.Combine(Recordings.Fixtures, scenario, file))) events = UploadReader.Read(stream).ToList();
        var dated = events.Where(e => e is not ReportStarted && e.Time > DateTimeOffset.UnixEpoch.AddDays(1)).ToList();
        var start = dated.Min(e => e.Time);
        // At least 2 s: a dump taken during a stuck call can end ~0.1 s in, but the live clock runs on.
        var steps = Math.Max(4, (int)Math.Ceiling((dated.Max(e => e.Time) - start) / Step));
        var buckets = events.ToLookup(e => e is ReportStarted || e.Time <= start ? 0 : (int)Math.Ceiling((e.Time - start) / Step));
        var grain = new SessionGrain(new SessionState { SessionId = scenario }, SessionOptions.Default);
        for (var k = 0; k <= steps; k++)
        {
            grain.Apply(buckets[k], start);
            var at = start + k * Step;
            yield return (at, grain.Evaluate(at));
        }
    }
}
