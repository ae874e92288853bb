using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Tests.Golden;

namespace IceWatch.Grains.Tests.Parsing;

public sealed class ParallelReadingTests
{
    [Theory]
    [MemberData(nameof(Recordings.FileData), MemberType = typeof(Recordings))]
    public void Several_readers_give_each_peer_connection_the_same_events_state_and_verdicts_as_one(string scenario, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Recordings.Fixtures, scenario, file));

        Assert.Equal(EventsByPeerConnection(bytes, readers: 1), EventsByPeerConnection(bytes, readers: 3));
        Assert.Equal(Fold(bytes, readers: 1), Fold(bytes, readers: 3));
    }

    [Fact]
    public void A_webrtc_internals_dump_of_many_peer_connections_reads_the_same_on_several_threads()
    {
        var bytes = Encoding.UTF8.GetBytes(ManyWebrtcInternalsPeerConnections(copies: 40));

        var one = EventsByPeerConnection(bytes, readers: 1);

        Assert.Equal(40 * 2, one.Count);
        Assert.Equal(one, EventsByPeerConnection(bytes, readers: 4));
        Assert.Equal(Fold(bytes, readers: 1), Fold(bytes, readers: 4));
    }

    [Fact]
    public void An_rtcstats_dump_whose_peer_connections_interleave_reads_the_same_on_several_threads()
    {
        // Lines of 40 copies of the recording's peer connections, shuffled into one another
        // (each copy's lines in order), so batches mix peer connections and span many lines.
        var source = File.ReadAllLines(Upload.Recording("turn-udp-relay", "rtcstats.txt"));
        var random = new Random(7);
        var copies = Enumerable.Range(0, 40).Select(c => new Queue<string>(source.Skip(2).Select(l => Renamed(l, c)))).ToList();
        var lines = new List<string>(source.Take(2));
        while (copies.Any(q => q.Count > 0))
        {
            var open = copies.Where(q => q.Count > 0).ToList();
            lines.Add(open[random.Next(open.Count)].Dequeue());
        }

        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var one = EventsByPeerConnection(bytes, readers: 1);

        Assert.True(one.Count >= 40, $"{one.Count} peer connections");
        Assert.Equal(one, EventsByPeerConnection(bytes, readers: 3));
        Assert.Equal(Fold(bytes, readers: 1), Fold(bytes, readers: 3));
    }

    [Fact]
    public void A_peer_connection_larger_than_a_part_is_read_in_place_between_the_others()
    {
        var huge = "{\"stats\":{\"CP1-label\":{\"statsType\":\"candidate-pair\",\"startTime\":\"2026-11-22T06:00:00Z\","
            + "\"endTime\":\"2026-11-22T06:16:39Z\",\"values\":\"[" + string.Join(",", Enumerable.Repeat("\\\"" + new string('x', 9_000) + "\\\"", 1000))
            + "]\"}},\"updateLog\":[{\"timestamp\":1795327200000,\"type\":\"oniceconnectionstatechange\",\"value\":\"checking\"}]}";
        var small = "{\"updateLog\":[{\"timestamp\":1795327200000,\"type\":\"oniceconnectionstatechange\",\"value\":\"checking\"}]}";
        var bytes = Encoding.UTF8.GetBytes($"{{\"PeerConnections\":{{\"1-1\":{small},\"1-2\":{huge},\"1-3\":{small}}}}}");
        Assert.True(bytes.Length > ReadAheadMaxPartBytes);

        var events = UploadReader.Read(new MemoryStream(bytes), StatsFilter.Timeline, readers: 2).ToList();

        Assert.Equal(["1-1", "1-2", "1-3"], events.OfType<PeerConnectionCreated>().Select(e => e.PeerConnectionId));
        Assert.Equal(1000, events.OfType<StatsObserved>().Count(e => e.PeerConnectionId == "1-2"));
    }

    [Fact]
    public void A_broken_peer_connection_fails_the_upload_after_the_events_of_the_ones_before_it()
    {
        var good = "{\"updateLog\":[{\"timestamp\":1795327200000,\"type\":\"oniceconnectionstatechange\",\"value\":\"checking\"}]}";
        var dump = $"{{\"PeerConnections\":{{\"1-1\":{good},\"1-2\":{good},\"1-3\":{{\"updateLog\":[{{\"timestamp\":tru}}]}},\"1-4\":{good}}}}}";
        var seen = new List<string>();
        var alone = Assert.Throws<UploadFormatException>(() => UploadReader.Read(Upload.Text(dump), StatsFilter.Timeline, readers: 1).ToList());

        var error = Assert.Throws<UploadFormatException>(() =>
        {
            foreach (var e in UploadReader.Read(Upload.Text(dump), StatsFilter.Timeline, readers: 2)) seen.Add(e.PeerConnectionId);
        });

        Assert.StartsWith("expected valid JSON at line 1, byte ", error.Message, StringComparison.Ordinal);
        Assert.Equal(alone.Message, error.Message);
        Assert.Equal(["1-1", "1-2"], seen.Distinct());
    }

    [Fact]
    public void A_broken_rtcstats_line_names_its_line_whichever_thread_reads_it()
    {
        var dump = "RTCStatsDump\n{}\n[\"create\",\"pc-1\",{},1795327200000]\n[\"create\",\"pc-2\",{},1]\n[\"getstats\",\"pc-2\",5]\n[\"create\",\"pc-3\",{},1]\n";

        var error = Assert.Throws<UploadFormatException>(() => UploadReader.Read(Upload.Text(dump), StatsFilter.Timeline, readers: 3).ToList());

        Assert.Equal("expected an object of stats at line 5, found nothing", error.Message);
    }

    private const int ReadAheadMaxPartBytes = 8 * 1024 * 1024;

    private static Dictionary<string, List<string>> EventsByPeerConnection(byte[] upload, int readers) =>
        UploadReader.Read(new MemoryStream(upload), StatsFilter.Timeline, readers)
            .GroupBy(e => e.PeerConnectionId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType())).ToList());

    private static (string Facts, string Verdicts) Fold(byte[] upload, int readers)
    {
        var grain = new SessionGrain(new SessionState { SessionId = "s" }, SessionOptions.Default);
        grain.Apply(UploadReader.Read(new MemoryStream(upload), StatsFilter.Timeline, readers), DateTimeOffset.UnixEpoch);
        var facts = grain.State.PeerConnections.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Value, GrainJson.Options));
        return (string.Join('\n', facts), JsonSerializer.Serialize(grain.Evaluate(now: null), GrainJson.Options));
    }

    private static string ManyWebrtcInternalsPeerConnections(int copies)
    {
        using var source = JsonDocument.Parse(File.ReadAllBytes(Upload.Recording("turn-udp-relay", "webrtc-internals.json")));
        var peerConnections = source.RootElement.GetProperty("PeerConnections").EnumerateObject().ToList();
        var members = Enumerable.Range(0, copies).SelectMany(c => peerConnections.Select(p => $"{JsonSerializer.Serialize($"{p.Name}-copy{c}")}:{p.Value.GetRawText()}"));
        return $"{{\"PeerConnections\":{{{string.Join(',', members)}}},\"timestamp\":1795327300000}}";
    }

    private static string Renamed(string line, int copy) =>
        Regex.Replace(line, "^(\\[[^,]*,\\s*\")([^\"]*)\"", m => $"{m.Groups[1].Value}{m.Groups[2].Value}-copy{copy}\"");
}
