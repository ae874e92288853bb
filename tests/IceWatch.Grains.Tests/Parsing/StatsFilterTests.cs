using System.Text.Json;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Tests.Golden;

namespace IceWatch.Grains.Tests.Parsing;

public sealed class StatsFilterTests
{
    [Theory]
    [MemberData(nameof(Recordings.FileData), MemberType = typeof(Recordings))]
    public void Reading_only_what_the_timeline_folds_gives_the_same_facts_and_verdicts_as_reading_every_value(string scenario, string file)
    {
        var (allFacts, allVerdicts) = Fold(scenario, file, StatsFilter.All);
        var (timelineFacts, timelineVerdicts) = Fold(scenario, file, StatsFilter.Timeline);

        Assert.Equal(allFacts, timelineFacts);
        Assert.Equal(allVerdicts, timelineVerdicts);
    }

    [Fact]
    public void The_timeline_filter_keeps_the_folded_fields_and_leaves_a_time_mark_for_other_stats()
    {
        var events = UploadReader.Read(Upload.Text("""
            { "PeerConnections": { "1-1": { "stats": {
                "CP1-bytesSent": { "statsType": "candidate-pair", "startTime": "2026-11-22T06:00:00.000Z", "endTime": "2026-11-22T06:00:02.000Z", "values": "[10,20,30]" },
                "CP1-packetsSent": { "statsType": "candidate-pair", "startTime": "2026-11-22T06:00:00.000Z", "endTime": "2026-11-22T06:00:02.000Z", "values": "[1,2,3]" },
                "IT1-bytesReceived": { "statsType": "inbound-rtp", "startTime": "2026-11-22T06:00:00.000Z", "endTime": "2026-11-22T06:00:04.000Z", "values": "[5,6,7,8,9]" },
                "IT1-codecId": { "statsType": "inbound-rtp", "startTime": "2026-11-22T06:00:00.000Z", "endTime": "2026-11-22T06:00:04.000Z", "values": "[\"a,b\",\"c\",\"d\",\"e\",\"f\"]" }
            } } } }
            """), StatsFilter.Timeline).OfType<StatsObserved>().ToList();

        var pair = events.Where(e => e.StatsId == "CP1").ToList();
        Assert.Equal([10L, 20L, 30L], pair.Select(e => e.Values["bytesSent"]));
        Assert.All(pair, e => Assert.Equal(["bytesSent"], e.Values.Keys));
        var inbound = events.Where(e => e.StatsId == "IT1").ToList();
        Assert.Equal([new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 6, 0, 4, TimeSpan.Zero)], inbound.Select(e => e.Time));
        Assert.All(inbound, e => Assert.Empty(e.Values));
    }

    private static (string Facts, string Verdicts) Fold(string scenario, string file, StatsFilter filter)
    {
        using var stream = File.OpenRead(Path.Combine(Recordings.Fixtures, scenario, file));
        var grain = new SessionGrain(new SessionState { SessionId = scenario }, SessionOptions.Default);
        grain.Apply(UploadReader.Read(stream, filter), DateTimeOffset.UnixEpoch);
        // The limit counters count the events read, which the filter changes by design: they are no facts.
        var facts = grain.State with { EventsApplied = 0, StatsApplied = 0 };
        return (JsonSerializer.Serialize(facts, GrainJson.Options), JsonSerializer.Serialize(grain.Evaluate(now: null), GrainJson.Options));
    }
}
