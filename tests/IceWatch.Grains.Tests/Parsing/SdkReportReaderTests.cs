using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

public class SdkReportReaderTests
{
    private const string Example = """
        {
          "sessionId": "call-7f3a",
          "region": "eu-west",
          "sdk": { "name": "icewatch-js", "version": "0.1.0" },
          "reports": [
            {
              "peerConnectionId": "pc-1",
              "seq": 0,
              "events": [
                { "t": 1763791000000, "type": "create",
                  "configuration": {
                    "iceServers": [
                      { "urls": ["stun:stun.example.com:3478"] },
                      { "urls": ["turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:443?transport=tcp"],
                        "hasCredential": true, "usernameExpiry": 1763794600 }
                    ],
                    "iceTransportPolicy": "all", "bundlePolicy": "max-bundle" } },
                { "t": 1763791000050, "type": "setLocalDescription", "sdpType": "offer" },
                { "t": 1763791000070, "type": "icecandidate",
                  "candidate": { "type": "relay", "protocol": "udp", "url": "turns:turn.example.com:443?transport=tcp", "address": "203.0.113.1", "port": 50000, "priority": 41885439 } },
                { "t": 1763791000300, "type": "icecandidateerror", "url": "turn:turn.example.com:3478?transport=udp", "errorCode": 401, "errorText": "Unauthorized" },
                { "t": 1763791000410, "type": "addIceCandidate", "candidate": { "type": "srflx", "protocol": "udp", "address": "198.51.100.0", "port": 4000 } },
                { "t": 1763791000420, "type": "iceconnectionstatechange", "state": "checking" },
                { "t": 1763791000500, "type": "icecandidate" }
              ],
              "stats": [
                { "t": 1763791001000, "reports": {
                    "CP1": { "type": "candidate-pair", "state": "succeeded", "nominated": true, "bytesSent": 1200 },
                    "T1": { "type": "transport", "selectedCandidatePairId": "CP1" } } }
              ]
            },
            { "peerConnectionId": "pc-1", "seq": 1,
              "stats": [ { "t": 1763791002000, "reports": { "CP1": { "bytesSent": 5400 } } } ] }
          ]
        }
        """;

    [Fact]
    public void The_documented_example_becomes_reports_events_and_stats()
    {
        var events = Upload.Read(Example);

        var started = events.OfType<ReportStarted>().ToList();
        Assert.Equal([0L, 1L], started.Select(r => r.Seq));
        Assert.IsType<ReportStarted>(events[0]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763791000000), started[0].Time);
        var created = events.OfType<PeerConnectionCreated>().Single();
        var turn = created.Configuration!.IceServers[1];
        Assert.True(turn.HasCredential);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763794600), turn.UsernameExpiry);
        Assert.Equal("offer", events.OfType<DescriptionSet>().Single().SdpType);
        var local = events.OfType<LocalCandidateGathered>().Single().Candidate;
        Assert.Equal(("relay", "tls", "ipv4"), (local.Type, local.RelayProtocol, local.AddressFamily));
        Assert.Equal(401, events.OfType<CandidateErrorOccurred>().Single().ErrorCode);
        Assert.Equal("srflx", events.OfType<RemoteCandidateAdded>().Single().Candidate!.Type);
        var last = events.OfType<StatsObserved>().Last();
        Assert.Equal(("CP1", "candidate-pair", 5400L), (last.StatsId, last.StatsType, last.Values["bytesSent"]));
        Assert.True(events.IndexOf(started[1]) < events.IndexOf(last));
    }

    [Fact]
    public void Validation_reports_session_region_peer_connections_and_event_count()
    {
        var summary = UploadReader.Validate(Upload.Text(Example));

        var events = Upload.Read(Example);
        Assert.Equal(new UploadSummary(UploadFormat.SdkReport, "call-7f3a", "eu-west", 1, events.Count, 0, events.OfType<StatsObserved>().Count()), summary);
    }

    [Theory]
    [InlineData("credential")]
    [InlineData("username")]
    public void A_secret_in_ice_servers_is_refused(string secret)
    {
        var error = Upload.Refused(Example.Replace("\"hasCredential\": true", $"\"{secret}\": \"s3cr3t\""));

        Assert.Contains($"expected no {secret} at $.reports[0].events[0].configuration.iceServers[1]", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Theory]
    [InlineData("\"sessionId\": \"call-7f3a\"", "\"sessionId\": \"call 7f3a\"", "$.sessionId")]
    [InlineData("\"sessionId\": \"call-7f3a\",", "", "$.sessionId")]
    [InlineData("\"region\": \"eu-west\"", "\"region\": \"\"", "$.region")]
    [InlineData("\"seq\": 1", "\"seq\": \"1\"", "$.reports[1].seq")]
    [InlineData("\"t\": 1763791000420", "\"t\": \"soon\"", "$.reports[0].events[5].t")]
    [InlineData("\"state\": \"checking\"", "\"state\": 3", "$.reports[0].events[5].state")]
    [InlineData("\"CP1\": { \"bytesSent\": 5400 }", "\"CP1\": 5400", "$.reports[1].stats[0].reports[\"CP1\"]")]
    public void Invalid_ids_and_wrong_types_are_refused_naming_the_field(string from, string to, string path)
    {
        var error = Upload.Refused(Example.Replace(from, to));

        Assert.Contains($"at {path}", error.Message);
    }

    [Fact]
    public void A_region_left_out_is_unknown()
    {
        var summary = UploadReader.Validate(Upload.Text(Example.Replace("\"region\": \"eu-west\",", "")));

        Assert.Equal("unknown", summary.Region);
    }

    [Fact]
    public void A_session_id_of_129_characters_is_refused() =>
        Assert.Contains("$.sessionId", Upload.Refused(Example.Replace("call-7f3a", new string('a', 129))).Message);

    [Fact]
    public void An_sdk_report_nested_deeper_than_64_levels_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);

        Assert.Contains("64 levels", Upload.Refused(Example.Replace("\"sdk\": {", "\"deep\": " + deep + ", \"sdk\": {")).Message);
    }
}
