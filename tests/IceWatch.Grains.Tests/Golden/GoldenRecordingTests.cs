using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Golden;

public sealed class GoldenRecordingTests
{
    [Fact]
    public void The_recording_lab_has_committed_the_core_scenarios_in_every_chrome_format()
    {
        foreach (var scenario in new[] { "turn-udp-relay", "turn-wrong-password" })
            foreach (var format in new[] { "webrtc-internals.json", "rtcstats.txt", "sdk-report.json" })
                Assert.True(File.Exists(Path.Combine(Recordings.Root, scenario, format)), $"{scenario}/{format} is missing");
    }

    [Theory]
    [MemberData(nameof(Recordings.FileData), MemberType = typeof(Recordings))]
    public void Every_recording_gives_the_verdicts_its_scenario_expects(string scenario, string file)
    {
        var expected = Recordings.Expected(scenario).For(file);
        using var stream = File.OpenRead(Path.Combine(Recordings.Fixtures, scenario, file));
        var grain = new SessionGrain(new SessionState { SessionId = scenario }, SessionOptions.Default);
        grain.Apply(UploadReader.Read(stream), DateTimeOffset.UnixEpoch);

        var verdicts = grain.Evaluate(now: null);

        Assert.Equal(expected.Count, verdicts.Count);
        var mismatches = expected.Zip(verdicts).SelectMany(p => Mismatches(p.First, p.Second)).ToList();
        Assert.True(mismatches.Count == 0, $"{scenario}/{file}:\n" + string.Join("\n", mismatches));
    }

    private static string Text(IReadOnlyList<TurnUrlErrors> errors) =>
        string.Join(", ", errors.OrderBy(e => e.Url, StringComparer.Ordinal).Select(e => $"{e.Url}: {e.Unauthorized}x401 {e.Unreachable}x other"));

    private static IEnumerable<string> Mismatches(ExpectedPeerConnection e, Verdict v)
    {
        var pair = v.SelectedPair;
        (string Field, object? Expected, object? Actual)[] fields =
        [
            ("outcome", e.Outcome, v.Outcome),
            ("localType", e.LocalType, pair?.LocalType),
            ("remoteType", e.RemoteType, pair?.RemoteType),
            ("relayProtocol", e.RelayProtocol, pair?.RelayProtocol),
            ("category", e.Category, v.Category),
            ("failedAfterConnect", e.FailedAfterConnect ?? v.FailedAfterConnect, v.FailedAfterConnect),
            ("addressFamily", e.AddressFamily ?? pair?.AddressFamily, pair?.AddressFamily),
            ("turnUrl", e.TurnUrl ?? pair?.TurnUrl, pair?.TurnUrl),
            ("iceRestarts", e.IceRestarts ?? v.IceRestarts, v.IceRestarts),
            ("turnErrors", Text(e.TurnErrors ?? v.TurnErrors), Text(v.TurnErrors)),
        ];
        if (e.EvidenceContains is { } wanted && !v.Evidence.Any(line => line.Contains(wanted, StringComparison.Ordinal)))
            yield return $"  {e.Role} ({v.PeerConnectionId}) evidence: expected a line containing \"{wanted}\", got {string.Join(" | ", v.Evidence)}";
        foreach (var (field, expected, actual) in fields.Where(f => !Equals(f.Expected, f.Actual)))
            yield return $"  {e.Role} ({v.PeerConnectionId}) {field}: expected {expected ?? "null"}, got {actual ?? "null"}; evidence: {string.Join(" | ", v.Evidence)}";
    }
}
