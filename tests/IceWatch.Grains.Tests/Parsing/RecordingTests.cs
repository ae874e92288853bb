using System.IO.Compression;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Tests.Golden;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>Facts that must hold for what real Chromium wrote during recorded calls.</summary>
public class RecordingTests
{
    public static TheoryData<string> Files => ["webrtc-internals.json", "rtcstats.txt", "sdk-report.json"];

    [Theory]
    [MemberData(nameof(Files))]
    public void The_turn_udp_relay_call_gathers_udp_relay_candidates_and_carries_bytes_over_the_selected_pair(string file)
    {
        var events = Upload.ReadRecording("turn-udp-relay", file);

        Assert.Equal(2, events.Select(e => e.PeerConnectionId).Distinct().Count());
        var relay = events.OfType<LocalCandidateGathered>().Where(c => c.Candidate.Type == "relay").ToList();
        Assert.NotEmpty(relay);
        Assert.All(relay, c => Assert.Equal("udp", c.Candidate.RelayProtocol));
        Assert.Contains(events.OfType<StateChanged>(), s => s.Kind == StateKind.Ice && s.State == "connected");
        Assert.Contains(events.OfType<PeerConnectionCreated>(), c =>
            c.Configuration is { IceTransportPolicy: "relay" } config && config.IceServers.SelectMany(s => s.Urls).Contains("turn:10.201.0.1:3478?transport=udp"));

        var stats = events.OfType<StatsObserved>().ToList();
        var selected = stats.Where(s => s.StatsType == "transport" && s.Values.ContainsKey("selectedCandidatePairId"))
            .Select(s => (s.PeerConnectionId, (string)s.Values["selectedCandidatePairId"]!)).ToHashSet();
        Assert.NotEmpty(selected);
        Assert.Contains(stats, s => s.StatsType == "candidate-pair" && selected.Contains((s.PeerConnectionId, s.StatsId))
                                    && s.Values.GetValueOrDefault("bytesReceived") is long received && received > 0);
        Assert.Contains(stats, s => s.StatsType == "local-candidate" && Equals(s.Values.GetValueOrDefault("relayProtocol"), "udp"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_wrong_password_call_shows_401s_and_no_relay_candidate(string file)
    {
        var events = Upload.ReadRecording("turn-wrong-password", file);

        var errors = events.OfType<CandidateErrorOccurred>().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal((401, "turn:10.201.0.1:3478?transport=udp"), (e.ErrorCode, e.Url)));
        Assert.DoesNotContain(events.OfType<LocalCandidateGathered>(), c => c.Candidate.Type == "relay");
        Assert.Contains(events.OfType<StateChanged>(), s => s.Kind == StateKind.Gathering && s.State == "complete");
        // Chrome's webrtc-internals log leaves close() out; the rtcstats dump and the page see it.
        Assert.Equal(file == "webrtc-internals.json" ? 0 : 2, events.OfType<PeerConnectionClosed>().Count());
    }

    [Theory]
    [InlineData("webrtc-internals.json", UploadFormat.WebrtcInternalsDump, null)]
    [InlineData("rtcstats.txt", UploadFormat.RtcStatsDump, null)]
    [InlineData("sdk-report.json", UploadFormat.SdkReport, "turn-udp-relay")]
    public void Each_recording_validates_as_its_format_with_two_peer_connections(string file, UploadFormat format, string? session)
    {
        using var stream = File.OpenRead(Upload.Recording("turn-udp-relay", file));

        var summary = UploadReader.Validate(stream);

        Assert.Equal((format, session, 2), (summary.Format, summary.SessionId, summary.PeerConnections));
        Assert.True(summary.Events > 50);
    }

    [Fact]
    public void A_gzipped_recording_gives_the_same_events_as_the_plain_one()
    {
        var path = Upload.Recording("turn-udp-relay", "webrtc-internals.json");
        var zipped = new MemoryStream();
        using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
        using (var plain = File.OpenRead(path))
        {
            plain.CopyTo(gzip);
        }

        zipped.Position = 0;
        Assert.Equal(Upload.ReadRecording("turn-udp-relay", "webrtc-internals.json").Count, UploadReader.Read(zipped).Count());
    }

    [Fact]
    public void The_dump_gives_each_stats_point_its_recorded_timestamp()
    {
        var events = Upload.ReadRecording("turn-udp-relay", "webrtc-internals.json");

        var transport = events.OfType<StatsObserved>().Where(s => s.PeerConnectionId == "8-1" && s.StatsId == "T01").ToList();
        var recorded = RecordedTimestamps("turn-udp-relay", "8-1", "T01-timestamp");
        Assert.Equal(recorded, transport.Select(s => s.Time).Distinct().Order().ToList());
        Assert.All(transport, s => Assert.True(s.Values.Count > 1));
    }

    [Theory]
    [InlineData("turn-tcp-relay", "tcp", "turn:10.201.0.1:3478?transport=tcp")]
    [InlineData("turn-tls-relay", "tls", "turns:10.201.0.1:443?transport=tcp")]
    public void Turn_over_tcp_and_tls_give_relay_candidates_with_that_relay_protocol(string scenario, string relayProtocol, string url)
    {
        foreach (var file in (string[])["webrtc-internals.json", "rtcstats.txt", "sdk-report.json"])
        {
            var events = Upload.ReadRecording(scenario, file);

            var relay = events.OfType<LocalCandidateGathered>().Where(c => c.Candidate.Type == "relay").ToList();
            Assert.NotEmpty(relay);
            Assert.All(relay, c => Assert.Equal((relayProtocol, url), (c.Candidate.RelayProtocol, c.Candidate.Url)));
            Assert.All(SelectedLocalCandidates(events), c => Assert.Equal(("relay", relayProtocol), c));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_direct_call_gathers_no_relay_and_selects_host_candidates(string file)
    {
        var events = Upload.ReadRecording("direct-host", file);

        Assert.Contains(events.OfType<LocalCandidateGathered>(), c => c.Candidate.Type == "host");
        Assert.DoesNotContain(events.OfType<LocalCandidateGathered>(), c => c.Candidate.Type == "relay");
        var selected = SelectedLocalCandidates(events);
        Assert.Equal(2, selected.Count);
        Assert.All(selected, c => Assert.Equal(("host", null), c));
    }

    [Fact]
    public void The_sdk_report_of_a_turn_rest_call_carries_the_username_expiry_but_no_secret()
    {
        var created = Upload.ReadRecording("turn-rest-valid", "sdk-report.json").OfType<PeerConnectionCreated>().ToList();

        var sent = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Recordings.Root, "turn-rest-valid", "sdk-report.json")))
            .RootElement.GetProperty("reports")[0].GetProperty("events")[0].GetProperty("configuration").GetProperty("iceServers")[0];
        Assert.False(sent.TryGetProperty("credential", out _));
        Assert.Equal(2, created.Count);
        Assert.All(created, c => Assert.Equal(
            (true, DateTimeOffset.FromUnixTimeSeconds(sent.GetProperty("usernameExpiry").GetInt64())),
            (c.Configuration!.IceServers[0].HasCredential, c.Configuration.IceServers[0].UsernameExpiry)));
    }

    private static List<DateTimeOffset> RecordedTimestamps(string scenario, string peerConnection, string series)
    {
        using var dump = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Recordings.Root, scenario, "webrtc-internals.json")));
        var values = dump.RootElement.GetProperty("PeerConnections").GetProperty(peerConnection).GetProperty("stats").GetProperty(series).GetProperty("values").GetString()!;
        return System.Text.Json.JsonSerializer.Deserialize<double[]>(values)!.Select(ms => DateTimeOffset.UnixEpoch.AddMilliseconds(ms)).Distinct().Order().ToList();
    }

    // Per peer connection: type and relay protocol of the local candidate of the last selected pair, from the stats alone.
    private static List<(string? Type, string? RelayProtocol)> SelectedLocalCandidates(List<IceEvent> events)
    {
        var stats = events.OfType<StatsObserved>().ToList();
        string? Last(string pc, string id, string field) =>
            stats.Where(s => s.PeerConnectionId == pc && s.StatsId == id && s.Values.ContainsKey(field)).Select(s => s.Values[field] as string).LastOrDefault();

        return stats.Where(s => s.StatsType == "transport" && s.Values.ContainsKey("selectedCandidatePairId"))
            .GroupBy(s => s.PeerConnectionId)
            .Select(g => (Pc: g.Key, Pair: (string)g.Last().Values["selectedCandidatePairId"]!))
            .Select(x => (x.Pc, Local: Last(x.Pc, x.Pair, "localCandidateId")!))
            .Select(x => (Last(x.Pc, x.Local, "candidateType"), Last(x.Pc, x.Local, "relayProtocol")))
            .ToList();
    }
}
