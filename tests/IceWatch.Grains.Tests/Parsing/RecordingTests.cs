using System.IO.Compression;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

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
        Assert.Contains(transport, s => s.Time == DateTimeOffset.UnixEpoch.AddMilliseconds(1795327449642.61));
        Assert.All(transport, s => Assert.True(s.Values.Count > 1));
    }
}
