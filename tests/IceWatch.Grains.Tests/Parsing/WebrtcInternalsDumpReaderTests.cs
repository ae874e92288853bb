using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

public class WebrtcInternalsDumpReaderTests
{
    private static string Dump(string peerConnection) =>
        $$"""{ "getUserMedia": [], "PeerConnections": { "12345-1": {{peerConnection}} }, "UserAgent": "Mozilla/5.0" }""";

    private const string OldStyleLog = """
        {
          "rtcConfiguration": "{ iceServers: [turn:turn.example.com:3478?transport=udp], iceTransportPolicy: all }",
          "updateLog": [
            { "time": "11/22/2026, 6:00:00 AM", "type": "createOffer", "value": "options: {iceRestart: false}" },
            { "time": "11/22/2026, 6:00:01 AM", "type": "setLocalDescription", "value": "type: offer, sdp: v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" },
            { "time": "11/22/2026, 6:00:01 AM", "type": "setLocalDescriptionOnSuccess", "value": "" },
            { "time": "11/22/2026, 6:00:01 AM", "type": "icegatheringstatechange", "value": "gathering" },
            { "time": "11/22/2026, 6:00:02 AM", "type": "icecandidate", "value": "sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:1 1 udp 2122260223 abc.local 50000 typ host generation 0" },
            { "time": "11/22/2026, 6:00:03 AM", "type": "icecandidateerror", "value": "url: turn:turn.example.com:3478?transport=udp\naddress: 10.0.0.x\nport: 5000\nerror_text: Unauthorized\nerror_code: 401" },
            { "time": "11/22/2026, 6:00:04 AM", "type": "setRemoteDescription", "value": "type: answer, sdp: v=0\r\n" },
            { "time": "11/22/2026, 6:00:04 AM", "type": "setRemoteDescriptionOnSuccess", "value": "" },
            { "time": "11/22/2026, 6:00:05 AM", "type": "addIceCandidate", "value": "sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:2 1 udp 1686052607 198.51.100.7 4000 typ srflx raddr 0.0.0.0 rport 0" },
            { "time": "11/22/2026, 6:00:05 AM", "type": "iceConnectionStateChange", "value": "checking" },
            { "time": "11/22/2026, 6:00:06 AM", "type": "iceconnectionstatechange", "value": "\"connected\"" },
            { "time": "11/22/2026, 6:00:07 AM", "type": "restartIce", "value": "" },
            { "time": "11/22/2026, 6:00:09 AM", "type": "close", "value": "" }
          ],
          "stats": {}
        }
        """;

    [Fact]
    public void An_old_style_update_log_becomes_the_ice_events_in_order()
    {
        var events = Upload.Read(Dump(OldStyleLog));

        var created = Assert.IsType<PeerConnectionCreated>(events[0]);
        Assert.Equal("12345-1", created.PeerConnectionId);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero), created.Time);
        Assert.Equal("turn:turn.example.com:3478?transport=udp", created.Configuration!.IceServers[0].Urls[0]);
        Assert.Equal(
            ["PeerConnectionCreated", "DescriptionSet", "StateChanged", "LocalCandidateGathered", "CandidateErrorOccurred", "DescriptionSet",
             "RemoteCandidateAdded", "StateChanged", "StateChanged", "IceRestartRequested", "PeerConnectionClosed"],
            events.Select(e => e.GetType().Name));
        Assert.Equal("offer", events.OfType<DescriptionSet>().First(d => !d.Remote).SdpType);
        Assert.Equal("answer", events.OfType<DescriptionSet>().First(d => d.Remote).SdpType);
        var error = Assert.Single(events.OfType<CandidateErrorOccurred>());
        Assert.Equal((401, "Unauthorized", 5000), (error.ErrorCode, error.ErrorText, error.Port));
        Assert.Equal("mdns", events.OfType<LocalCandidateGathered>().Single().Candidate.AddressFamily);
        Assert.Equal("srflx", events.OfType<RemoteCandidateAdded>().Single().Candidate!.Type);
        Assert.Equal(["gathering", "checking", "connected"], events.OfType<StateChanged>().Select(s => s.State));
    }

    [Fact]
    public void Json_encoded_states_and_values_of_newer_chrome_are_read_like_plain_ones()
    {
        var events = Upload.Read(Dump("""
            { "updateLog": [
                { "timestamp": 1795327448641.964, "type": "oniceconnectionstatechange", "value": "\"checking\"" },
                { "timestamp": 1795327448642.0, "type": "onicecandidateerror", "value": "{\"url\":\"turn:t:3478?transport=udp\",\"address\":\"10.0.0.x\",\"port\":36079,\"error_text\":\"Unauthorized.\",\"error_code\":401}" },
                { "timestamp": 1795327448643.0, "type": "createOffer", "value": "{\"iceRestart\":true}" }
            ] }
            """));

        Assert.Equal("checking", events.OfType<StateChanged>().Single().State);
        Assert.Equal(401, events.OfType<CandidateErrorOccurred>().Single().ErrorCode);
        Assert.Single(events.OfType<IceRestartRequested>());
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(1795327448641.964), events[0].Time);
    }

    [Fact]
    public void Stats_series_without_timestamps_are_spread_between_start_and_end_time()
    {
        var events = Upload.Read(Dump("""
            { "stats": {
                "CP1-bytesSent": { "statsType": "candidate-pair", "startTime": "2026-11-22T06:00:00.000Z", "endTime": "2026-11-22T06:00:02.000Z", "values": "[10,20,30]" },
                "CP1-state": { "statsType": "candidate-pair", "startTime": "2026-11-22T06:00:00.000Z", "endTime": "2026-11-22T06:00:02.000Z", "values": "[\"in-progress\",\"succeeded\",\"succeeded\"]" }
            } }
            """));

        var stats = events.OfType<StatsObserved>().ToList();
        Assert.Equal(3, stats.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 6, 0, 1, TimeSpan.Zero), stats[1].Time);
        Assert.Equal(20L, stats[1].Values["bytesSent"]);
        Assert.Equal("succeeded", stats[1].Values["state"]);
        Assert.All(stats, s => Assert.Equal(("CP1", "candidate-pair"), (s.StatsId, s.StatsType)));
    }

    [Fact]
    public void The_timestamp_series_gives_the_points_their_times_and_late_fields_align_to_their_start()
    {
        var events = Upload.Read(Dump("""
            { "stats": {
                "T01-bytesSent": { "statsType": "transport", "startTime": "2026-11-22T06:00:00.000Z", "endTime": "2026-11-22T06:00:02.000Z", "values": "[1,2,3]" },
                "T01-timestamp": { "statsType": "transport", "startTime": "2026-11-22T06:00:00.000Z", "endTime": "2026-11-22T06:00:02.000Z", "values": "[1795327200000.5,1795327201003.25,1795327202001]" },
                "D1-label": { "statsType": "data-channel", "startTime": "2026-11-22T06:00:00.000Z", "endTime": "2026-11-22T06:00:00.000Z", "values": "[\"x\"]" },
                "T01-selectedCandidatePairId": { "statsType": "transport", "startTime": "2026-11-22T06:00:01.003Z", "endTime": "2026-11-22T06:00:02.001Z", "values": "[\"CP1\",\"CP1\"]" }
            } }
            """));

        var transport = events.OfType<StatsObserved>().Where(s => s.StatsId == "T01").ToList();
        Assert.Contains(transport, s => s.Time == DateTimeOffset.UnixEpoch.AddMilliseconds(1795327201003.25) && s.Values.ContainsKey("selectedCandidatePairId"));
        Assert.Contains(transport, s => s.Time == DateTimeOffset.UnixEpoch.AddMilliseconds(1795327201003.25) && Equals(s.Values.GetValueOrDefault("bytesSent"), 2L));
        Assert.DoesNotContain(transport, s => s.Values.ContainsKey("timestamp"));
    }

    [Fact]
    public void Legacy_goog_and_conn_series_and_computed_rates_are_left_out()
    {
        var events = Upload.Read(Dump("""
            { "rtcConfiguration": { "iceServers": [] }, "stats": {
                "Conn-audio-1-0-googRtt": { "statsType": "googCandidatePair", "startTime": "2026-11-22T06:00:00Z", "endTime": "2026-11-22T06:00:01Z", "values": "[1,2]" },
                "bweforvideo-googAvailableSendBandwidth": { "statsType": "VideoBwe", "startTime": "2026-11-22T06:00:00Z", "endTime": "2026-11-22T06:00:01Z", "values": "[1,2]" },
                "ssrc_1_send-bytesSent": { "statsType": "ssrc", "startTime": "2026-11-22T06:00:00Z", "endTime": "2026-11-22T06:00:01Z", "values": "[1,2]" },
                "T01-[bytesSent_in_bits/s]": { "statsType": "transport", "startTime": "2026-11-22T06:00:00Z", "endTime": "2026-11-22T06:00:01Z", "values": "[1,2]" }
            } }
            """));

        Assert.Empty(events.OfType<StatsObserved>());
        Assert.Single(events.OfType<PeerConnectionCreated>());
    }

    [Fact]
    public void A_series_at_chromes_cap_of_1000_points_notes_that_its_start_was_lost()
    {
        var values = "[" + string.Join(",", Enumerable.Range(0, 1000)) + "]";
        var events = Upload.Read(Dump($$"""
            { "stats": { "CP1-bytesSent": { "statsType": "candidate-pair", "startTime": "2026-11-22T06:00:00Z", "endTime": "2026-11-22T06:16:39Z", "values": "{{values}}" } } }
            """));

        var note = Assert.Single(events.OfType<ObservationNoted>());
        Assert.Contains("1000", note.Note);
        Assert.Equal(1000, events.OfType<StatsObserved>().Count());
    }

    [Fact]
    public void A_peer_connections_value_that_is_no_object_is_refused_with_a_reason()
    {
        var error = Upload.Refused("""{ "PeerConnections": 5 }""");

        Assert.Contains("expected an object at PeerConnections", error.Message);
    }

    [Fact]
    public void A_broken_update_log_entry_is_refused_with_where_it_is()
    {
        var error = Upload.Refused(Dump("""{ "updateLog": [ 7 ] }"""));

        Assert.Contains("PeerConnections[\"12345-1\"].updateLog[0]", error.Message);
    }

    [Fact]
    public void Truncated_json_is_refused_with_its_position()
    {
        var error = Upload.Refused("""{ "PeerConnections": { "1-1": { "updateLog": [ { "type": "close" """);

        Assert.StartsWith("expected", error.Message);
    }

    [Fact]
    public void Json_nested_deeper_than_64_levels_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));
        var error = Upload.Refused($$"""{ "PeerConnections": {}, "extra": {{deep}} }""");

        Assert.Contains("64 levels", error.Message);
    }
}
