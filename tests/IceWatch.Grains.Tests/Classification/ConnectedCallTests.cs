using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Classification;

public sealed class ConnectedCallTests
{
    private static EventScript RelayCall() => new EventScript()
        .CreatedWithPolicy("relay", "turn:turn.example.com:3478?transport=udp")
        .Negotiated()
        .Ice("checking", 0.2)
        .Local("L1", "relay", relayProtocol: "udp", priority: 41885439, url: "turn:turn.example.com:3478?transport=udp")
        .Remote("R1", "relay")
        .Stats(0.5, "L1", "local-candidate", ("candidateType", "relay"), ("protocol", "udp"), ("relayProtocol", "udp"), ("url", "turn:turn.example.com:3478?transport=udp"), ("priority", 41885439L))
        .Stats(0.5, "R1", "remote-candidate", ("candidateType", "relay"), ("protocol", "udp"))
        .Ice("connected", 0.65)
        .Connection("connected", 0.7)
        .Pair(1, "CP1", "L1", "R1", "succeeded", 10_000)
        .Selected(1, "CP1")
        .Pair(5, "CP1", "L1", "R1", "succeeded", 90_000);

    [Fact]
    public void A_relayed_call_is_connected_over_relay_relay_with_its_turn_url_and_relay_protocol()
    {
        var v = RelayCall().Verdict();

        Assert.Equal(Outcomes.Connected, v.Outcome);
        Assert.Equal(new SelectedPair("relay", "relay", "udp", "udp", "turn:turn.example.com:3478?transport=udp", "ipv4"), v.SelectedPair);
        Assert.True(v.Relayed);
        Assert.Null(v.Category);
        Assert.Empty(v.Evidence);
    }

    [Fact]
    public void Bytes_over_relay_pairs_count_as_relayed_and_the_time_to_connect_runs_from_checking()
    {
        var v = RelayCall().Verdict();

        Assert.Equal(90_000, v.BytesRelayed);
        Assert.Equal(0, v.BytesDirect);
        Assert.Equal(1.0, v.RelayRatio);
        Assert.Equal(450, v.TimeToConnectedMs);
    }

    [Fact]
    public void The_time_from_creation_to_connected_counts_gathering_and_signalling_too()
    {
        var v = RelayCall().Verdict();

        Assert.Equal(650, v.TimeFromCreationToConnectedMs);
        Assert.Equal(v.Timeline.First(s => s.Kind == "ice" && s.State == "connected").AtMs, v.TimeFromCreationToConnectedMs);
    }

    [Fact]
    public void A_call_that_never_connected_has_no_time_to_connected_from_either_start()
    {
        var v = new EventScript().Created("stun:stun.example.com").Negotiated().Ice("checking", 0.1).Ice("failed", 5).Verdict();

        Assert.Null(v.TimeToConnectedMs);
        Assert.Null(v.TimeFromCreationToConnectedMs);
    }

    [Fact]
    public void Only_the_transport_names_the_selected_pair_even_when_two_pairs_are_nominated()
    {
        var v = new EventScript().Created("stun:stun.example.com")
            .Negotiated().Ice("checking", 0.1).Ice("connected", 0.3)
            .Stats(0.4, "L1", "local-candidate", ("candidateType", "host"), ("protocol", "udp"), ("address", "abc.local"))
            .Stats(0.4, "L2", "local-candidate", ("candidateType", "srflx"), ("protocol", "udp"))
            .Stats(0.4, "R1", "remote-candidate", ("candidateType", "host"), ("protocol", "udp"))
            .Pair(1, "CP-host", "L1", "R1", "succeeded", 5_000)
            .Pair(1, "CP-srflx", "L2", "R1", "succeeded", 50_000)
            .Selected(1, "CP-host")
            .Verdict();

        Assert.Equal("host", v.SelectedPair?.LocalType);
        Assert.Equal("mdns", v.SelectedPair?.AddressFamily);
        Assert.False(v.Relayed);
        Assert.Equal(55_000, v.BytesDirect);
    }

    [Fact]
    public void Without_transport_stats_the_pair_marked_selected_wins_as_in_firefox()
    {
        var v = new EventScript().Created("stun:stun.example.com")
            .Negotiated().Ice("checking", 0.1).Ice("connected", 0.3)
            .Stats(0.4, "L1", "local-candidate", ("candidateType", "srflx"), ("protocol", "udp"))
            .Stats(0.4, "R1", "remote-candidate", ("candidateType", "prflx"), ("protocol", "udp"))
            .Pair(1, "CP1", "L1", "R1", "succeeded", 5_000)
            .Stats(1, "CP1", "candidate-pair", ("selected", true))
            .Verdict();

        Assert.Equal(("srflx", "prflx"), (v.SelectedPair?.LocalType, v.SelectedPair?.RemoteType));
    }

    [Theory]
    [InlineData(41885439L, "udp")]
    [InlineData(58597375L, "udp")]
    [InlineData(25108223L, "tcp")]
    [InlineData(8331263L, "tls")]
    public void A_relay_protocol_the_browser_omits_is_inferred_from_the_priority_and_said_so(long priority, string expected)
    {
        var v = new EventScript().Created("turn:turn.example.com:3478")
            .Negotiated().Ice("checking", 0.1).Ice("connected", 0.3)
            .Stats(0.4, "L1", "local-candidate", ("candidateType", "relay"), ("protocol", "udp"), ("priority", priority))
            .Stats(0.4, "R1", "remote-candidate", ("candidateType", "host"), ("protocol", "udp"))
            .Pair(1, "CP1", "L1", "R1", "succeeded", 1_000)
            .Selected(1, "CP1")
            .Verdict();

        Assert.Equal(expected, v.SelectedPair?.RelayProtocol);
        Assert.Contains(v.Evidence, e => e.Contains("inferred from the relay candidate's priority"));
    }

    [Fact]
    public void A_switch_to_another_pair_is_counted_and_the_last_selected_pair_is_reported()
    {
        var v = RelayCall()
            .Stats(6, "L2", "local-candidate", ("candidateType", "srflx"), ("protocol", "udp"))
            .Stats(6, "R2", "remote-candidate", ("candidateType", "host"), ("protocol", "udp"))
            .Pair(6, "CP2", "L2", "R2", "succeeded", 4_000)
            .Selected(6, "CP2")
            .Verdict();

        Assert.Equal(1, v.PairSwitches);
        Assert.Equal(("srflx", "host"), (v.SelectedPair?.LocalType, v.SelectedPair?.RemoteType));
        Assert.False(v.Relayed);
        Assert.Equal((90_000, 4_000), (v.BytesRelayed, v.BytesDirect));
    }

    [Fact]
    public void A_delta_snapshot_that_leaves_out_the_type_still_updates_the_object_sent_before()
    {
        var v = RelayCall()
            .Stats(9, "CP1", "", ("bytesSent", 200_000L), ("bytesReceived", 100_000L))
            .Verdict();

        Assert.Equal(300_000, v.BytesRelayed);
    }

    [Fact]
    public void A_peer_reflexive_remote_that_matches_a_signalled_candidate_is_reported_as_that_candidate()
    {
        var v = new EventScript().Created("stun:stun.example.com")
            .Negotiated().Ice("checking", 0.1).Ice("connected", 0.3)
            .Add(new Events.RemoteCandidateAdded("pc-1", EventScript.At(0.2), new Events.CandidateInfo("sig-1", "host", "udp", Address: "[fd00::2]", Port: 5000)))
            .Stats(0.4, "L1", "local-candidate", ("candidateType", "host"), ("protocol", "udp"))
            .Stats(0.4, "R1", "remote-candidate", ("candidateType", "prflx"), ("protocol", "udp"), ("address", "fd00::2"), ("port", 5000L))
            .Pair(1, "CP1", "L1", "R1", "succeeded", 1_000)
            .Selected(1, "CP1")
            .Verdict();

        Assert.Equal(("host", "host"), (v.SelectedPair?.LocalType, v.SelectedPair?.RemoteType));
    }

    [Fact]
    public void A_peer_reflexive_remote_that_matches_no_signalled_candidate_stays_peer_reflexive()
    {
        var v = new EventScript().Created("stun:stun.example.com")
            .Negotiated().Ice("checking", 0.1).Ice("connected", 0.3)
            .Remote("sig-1", "host")
            .Stats(0.4, "L1", "local-candidate", ("candidateType", "host"), ("protocol", "udp"))
            .Stats(0.4, "R1", "remote-candidate", ("candidateType", "prflx"), ("protocol", "udp"), ("address", "198.51.100.7"), ("port", 40000L))
            .Pair(1, "CP1", "L1", "R1", "succeeded", 1_000)
            .Selected(1, "CP1")
            .Verdict();

        Assert.Equal("prflx", v.SelectedPair?.RemoteType);
    }
}
