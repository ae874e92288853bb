using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

public class RtcStatsDumpReaderTests
{
    private const double Start = 1795327470603;

    [Fact]
    public void Times_add_up_the_deltas_of_each_line_and_non_peer_connection_lines_are_skipped()
    {
        var events = Upload.Read($$"""
            RTCStatsDump
            {"fileFormat":3}
            ["create",null,{"hardwareConcurrency":2},{{Start}}]
            ["navigator.mediaDevices.getUserMedia","8-0",{"audio":true},"getUserMedia-8-9184-0","http://localhost/",145.5]
            ["create","8-1",{"iceServers":[{"urls":["turn:t.example:3478?transport=udp"],"username":"1795330000:alice","credential":"secret"}],"iceTransportPolicy":"relay"},"http://localhost/",4.5]
            ["oniceconnectionstatechange","8-1","\"checking\"",10]
            ["close","8-1",null,-0.5]
            """);

        var created = Assert.IsType<PeerConnectionCreated>(events[0]);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(Start + 150), created.Time);
        var server = Assert.Single(created.Configuration!.IceServers);
        Assert.True(server.HasCredential);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795330000), server.UsernameExpiry);
        Assert.Equal("relay", created.Configuration.IceTransportPolicy);
        Assert.Equal("checking", Assert.IsType<StateChanged>(events[1]).State);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(Start + 159.5), events[2].Time);
        Assert.All(events, e => Assert.Equal("8-1", e.PeerConnectionId));
    }

    [Fact]
    public void Compressed_methods_and_delta_compressed_stats_are_undone()
    {
        var events = Upload.Read($$"""
            RTCStatsDump
            {"fileFormat":3}
            [39,"pc1",{"iceServers":[]},{{Start}}]
            ["g","pc1",{"0":{"type":6,"148":"1","149":"2","118":"succeeded","80":100},"3":{"type":"transport","125":"0"},"t":{{Start + 1000}}},1000]
            ["g","pc1",{"0":{"80":250},"t":{{Start + 2000}}},1000]
            [24,"pc1","connected",1]
            """);

        var stats = events.OfType<StatsObserved>().ToList();
        Assert.Equal(3, stats.Count);
        Assert.Equal(("0", "candidate-pair", "succeeded", "1"), (stats[0].StatsId, stats[0].StatsType, stats[0].Values["state"], stats[0].Values["localCandidateId"]));
        Assert.Equal("0", stats[1].Values["selectedCandidatePairId"]);
        Assert.Equal("transport", stats[1].StatsType);
        Assert.Equal(("candidate-pair", 250L), (stats[2].StatsType, stats[2].Values["bytesSent"]));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(Start + 2000), stats[2].Time);
        Assert.Equal("connected", events.OfType<StateChanged>().Single().State);
    }

    [Fact]
    public void Uncompressed_getstats_as_chrome_writes_it_keeps_fields_and_drops_computed_rates()
    {
        var events = Upload.Read($$$"""
            RTCStatsDump
            {"fileFormat":3}
            ["getStats","8-1",{"T01":{"id":"T01","timestamp":{{{Start}}},"type":"transport","bytesSent":5,"[bytesSent_in_bits/s]":40}},{{{Start}}}]
            """);

        var stats = Assert.Single(events.OfType<StatsObserved>());
        Assert.Equal(["bytesSent"], stats.Values.Keys);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(Start), stats.Time);
        Assert.IsType<PeerConnectionCreated>(events[0]);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("{\"x\":1}")]
    [InlineData("[1]")]
    public void A_stats_type_that_is_no_string_is_taken_as_its_json_text(string type)
    {
        var events = Upload.Read($$$"""
            RTCStatsDump
            {"fileFormat":3}
            ["getStats","8-1",{"T01":{"timestamp":{{{Start}}},"type":{{{type}}},"bytesSent":5}},{{{Start}}}]
            """);

        Assert.Equal(type, Assert.Single(events.OfType<StatsObserved>()).StatsType);
    }

    [Fact]
    public void A_dump_with_a_wrong_first_line_is_refused()
    {
        var error = Assert.Throws<UploadFormatException>(() => RtcStatsDumpReader.Read(Upload.Text("RTCStatsDum\n{}\n")).ToList());

        Assert.Contains("RTCStatsDump", error.Message);
    }

    [Fact]
    public void A_line_that_is_not_json_is_refused_with_its_number()
    {
        var error = Upload.Refused("RTCStatsDump\n{\"fileFormat\":3}\n[\"close\",\"1\",null,1]\n[oops\n");

        Assert.Contains("line 4", error.Message);
    }
}
