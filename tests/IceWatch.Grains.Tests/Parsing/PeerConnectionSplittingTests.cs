using System.Text;
using System.Text.Json;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>
/// Several readers find where each webrtc-internals peer connection ends from its brackets and
/// strings alone and leave the checking to the thread that reads it: whatever is wrong with a dump
/// must read exactly as from one reader, wherever it lies.
/// </summary>
public sealed class PeerConnectionSplittingTests
{
    private const string Good = "{\"updateLog\":[{\"timestamp\":1795327200000,\"type\":\"oniceconnectionstatechange\",\"value\":\"checking\"}]}";

    public static TheoryData<string> BrokenDumps() =>
    [
        // Faults inside a peer connection handed to another thread, on the first line and on later ones.
        $"{{\"PeerConnections\":{{\"1-1\":{Good},\"1-2\":{{\"updateLog\":[{{\"timestamp\":tru}}]}},\"1-3\":{Good}}}}}",
        $"{{\n \"PeerConnections\": {{\n  \"1-1\": {Good},\n  \"1-2\": {{\n   \"updateLog\": [\n    {{\"timestamp\": 1795327200000, \"type\": nul}}\n   ]\n  }}\n }}\n}}",
        // Faults between peer connections, after some were passed over unread.
        $"{{\"PeerConnections\":{{\"1-1\":{Good},\"1-2\":{Good} \"1-3\":{Good}}}}}",
        $"{{\n\"PeerConnections\":{{\n\"1-1\":\n{Good.Replace(",", ",\n")},\n\"1-2\":{Good}\n,,\"1-3\":{Good}}}}}",
        $"{{\"PeerConnections\":{{\"1-1\":{Good},\"1-2\":{Good}}},\"UserAgent\":x}}",
        // Brackets that do not pair up, a string with brackets and quotes in it, a cut-off dump.
        $"{{\"PeerConnections\":{{\"1-1\":{Good},\"1-2\":{{\"updateLog\":[}}]}}}}}}",
        $"{{\"PeerConnections\":{{\"1-1\":{{\"x\":\"}}]\\\"{{[\",\"updateLog\":[1,}},\"1-2\":{Good}}}}}",
        $"{{\"PeerConnections\":{{\"1-1\":{Good},\"1-2\":{{\"updateLog\":[{{\"timestamp\":1795327200000",
        // Nesting deeper than allowed, counted from the top of the dump.
        $"{{\"PeerConnections\":{{\"1-1\":{Good},\"1-2\":{{\"x\":{new string('[', UploadLimits.MaxJsonDepth - 3)}{new string(']', UploadLimits.MaxJsonDepth - 3)}}}}}}}",
        $"{{\"PeerConnections\":{{\"1-1\":{Good},\"1-2\":{{\"x\":{new string('[', UploadLimits.MaxJsonDepth)}{new string(']', UploadLimits.MaxJsonDepth)}}}}}}}",
    ];

    [Theory]
    [MemberData(nameof(BrokenDumps))]
    public void A_dump_read_on_several_threads_fails_or_reads_exactly_as_on_one(string dump)
    {
        var one = Outcome(dump, readers: 1);

        Assert.Equal(one, Outcome(dump, readers: 2));
        Assert.Equal(one, Outcome(dump, readers: 4));
    }

    [Fact]
    public void A_dump_with_two_peer_connections_of_one_id_folds_them_into_one_as_one_reader_does()
    {
        var later = "{\"updateLog\":[{\"timestamp\":1795327300000,\"type\":\"oniceconnectionstatechange\",\"value\":\"connected\"}]}";
        var dump = $"{{\"PeerConnections\":{{\"1-1\":{Good},\"1-2\":{Good},\"1-1\":{later}}}}}";

        Assert.Equal(Folded(dump, readers: 1), Folded(dump, readers: 2));
        Assert.Contains("connected", Folded(dump, readers: 2), StringComparison.Ordinal);
    }

    [Fact]
    public void Folding_a_dump_straight_into_facts_gives_the_facts_of_folding_its_events()
    {
        var dump = File.ReadAllText(Upload.Recording("turn-udp-relay", "webrtc-internals.json"));

        foreach (var readers in new[] { 1, 3 })
        {
            var grain = new SessionGrain(new SessionState { SessionId = "s" }, SessionOptions.Default);
            grain.ApplyUpload(Upload.Text(dump), DateTimeOffset.UnixEpoch, readers);
            Assert.Equal(Folded(dump, readers: 1), Json(grain));
        }
    }

    // The error, or the events of each peer connection.
    private static string Outcome(string dump, int readers)
    {
        try
        {
            var events = UploadReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(dump)), StatsFilter.Timeline, readers).ToList();
            return string.Join('\n', events.GroupBy(e => e.PeerConnectionId).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => g.Select(e => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType()))));
        }
        catch (UploadFormatException e)
        {
            return e.Message;
        }
    }

    private static string Folded(string dump, int readers)
    {
        var grain = new SessionGrain(new SessionState { SessionId = "s" }, SessionOptions.Default);
        grain.Apply(UploadReader.Read(Upload.Text(dump), StatsFilter.Timeline, readers), DateTimeOffset.UnixEpoch);
        return Json(grain);
    }

    private static string Json(SessionGrain grain) =>
        string.Join('\n', grain.State.PeerConnections.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Value, GrainJson.Options)))
        + JsonSerializer.Serialize(grain.Evaluate(now: null), GrainJson.Options);
}
