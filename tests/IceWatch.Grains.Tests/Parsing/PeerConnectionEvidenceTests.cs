using System.Text;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

public class PeerConnectionEvidenceTests
{
    private const long Ms = 1795327448641;

    /// <summary>The shape of a garbage dump seen in the field: a "PeerConnections" object of nothing but empty entries.</summary>
    internal static string EmptyEntriesDump(int entries)
    {
        var text = new StringBuilder("""{"getUserMedia":[],"PeerConnections":{""");
        for (var i = 0; i < entries; i++) text.Append(i == 0 ? "" : ",").Append('"').Append(i).Append("-1\":{}");
        return text.Append($$"""},"UserAgent":"x","timestamp":{{Ms}}}""").ToString();
    }

    [Fact]
    public void A_dump_of_38700_empty_entries_yields_no_event_and_counts_them_as_entries_only()
    {
        var dump = EmptyEntriesDump(38_700);

        var summary = UploadReader.Validate(Upload.Text(dump));

        Assert.Empty(Upload.Read(dump));
        Assert.Equal((0, 0L, 38_700), (summary.PeerConnections, summary.Events, summary.EmptyEntries));
    }

    [Fact]
    public void Entries_with_configuration_events_or_stats_are_peer_connections_and_keep_every_event()
    {
        const string dump = """
            {"PeerConnections":{
              "with-config":{"rtcConfiguration":{"iceServers":[]}},
              "with-event":{"updateLog":[{"timestamp":1795327448641,"type":"close","value":""}]},
              "with-stats":{"stats":{"T1-bytesSent":{"statsType":"transport","startTime":"2026-11-22T10:00:00Z","endTime":"2026-11-22T10:00:01Z","values":"[1,2]"}}},
              "empty":{},
              "only-empty-parts":{"updateLog":[],"stats":{}}},
             "timestamp":1795327453641}
            """;

        var events = Upload.Read(dump);
        var summary = UploadReader.Validate(Upload.Text(dump));

        Assert.Equal(["with-config", "with-event", "with-stats"], events.Select(e => e.PeerConnectionId).Distinct());
        Assert.Equal(3, events.OfType<RecordingEnded>().Count());
        Assert.Equal(3, events.OfType<PeerConnectionCreated>().Count());
        Assert.Equal((3, 2), (summary.PeerConnections, summary.EmptyEntries));
    }

    [Fact]
    public void An_sdk_report_with_neither_events_nor_stats_is_not_a_peer_connection()
    {
        var batch = $$"""
            {"sessionId":"s","reports":[
              {"peerConnectionId":"real","seq":0,"events":[{"t":{{Ms}},"type":"iceconnectionstatechange","state":"checking"}]},
              {"peerConnectionId":"hollow","seq":0},
              {"peerConnectionId":"hollow-too","seq":0,"events":[],"stats":[]}]}
            """;

        var events = Upload.Read(batch);
        var summary = UploadReader.Validate(Upload.Text(batch));

        Assert.All(events, e => Assert.Equal("real", e.PeerConnectionId));
        Assert.IsType<ReportStarted>(events[0]);
        Assert.Equal((1, 2), (summary.PeerConnections, summary.EmptyEntries));
    }

    [Fact]
    public void An_entry_is_let_through_in_order_once_evidence_arrives_after_its_creation()
    {
        var created = new PeerConnectionCreated("a", DateTimeOffset.UnixEpoch, null);
        var state = new StateChanged("a", DateTimeOffset.UnixEpoch.AddSeconds(1), StateKind.Ice, "checking");
        var filter = new PeerConnectionEvidence();

        var passed = filter.Filter([created, new RecordingEnded("b", DateTimeOffset.UnixEpoch), state]).ToList();

        Assert.Equal<IceEvent>([created, state], passed);
        Assert.Equal((1, 1), (filter.PeerConnections, filter.EmptyEntries));
    }

    [Theory]
    [InlineData(3, 1000, 1000, "peer connections")]
    [InlineData(1000, 5, 1000, "events")]
    [InlineData(1000, 1000, 1, "stats objects")]
    public void An_upload_over_its_quota_is_refused_naming_the_limit(int peerConnections, long events, long stats, string what)
    {
        var dump = Encoding.UTF8.GetString(File.ReadAllBytes(Upload.Recording("turn-udp-relay", "webrtc-internals.json")));
        var many = dump.Replace("\"PeerConnections\": {", "\"PeerConnections\": {\"x-1\":{\"rtcConfiguration\":{}},\"x-2\":{\"rtcConfiguration\":{}},");

        var error = Assert.Throws<UploadQuotaExceededException>(() => UploadReader.Validate(Upload.Text(many), new UploadQuota(peerConnections, events, stats)));

        Assert.Equal(what, error.What);
        Assert.Contains(what, error.Message);
    }

    [Fact]
    public void Empty_entries_count_against_the_event_quota_so_their_number_stays_bounded()
    {
        var error = Assert.Throws<UploadQuotaExceededException>(() =>
            UploadReader.Validate(Upload.Text(EmptyEntriesDump(2_000)), new UploadQuota(10, 1_000, 10)));

        Assert.Equal("events", error.What);
    }
}
