using IceWatch.Grains.Events;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Classification;

public sealed class FailedCallTests
{
    private const string TurnUdp = "turn:turn.example.com:3478?transport=udp";

    // Policy all with a host candidate: a direct pair may still work, so only time decides (under a
    // relay policy the same 401 makes the failure certain at once: CertainFailureTests).
    private static EventScript WrongPassword() => new EventScript()
        .CreatedWithPolicy(null, TurnUdp)
        .Negotiated()
        .Local("L1", "host")
        .CandidateError(TurnUdp, 401, "Unauthorized", at: 0.3);

    [Fact]
    public void A_wrong_turn_password_is_pending_before_the_stall_deadline_while_a_direct_pair_may_still_work()
    {
        var v = WrongPassword().Until(20).Verdict();

        Assert.Equal(Outcomes.Pending, v.Outcome);
        Assert.Null(v.Category);
    }

    [Fact]
    public void A_wrong_turn_password_is_turn_auth_failed_once_the_recording_spans_the_stall_deadline()
    {
        var v = WrongPassword().Until(31).Verdict();

        Assert.Equal(Outcomes.Failed, v.Outcome);
        Assert.Equal(Categories.TurnAuthFailed, v.Category);
        Assert.Contains($"401 Unauthorized from {TurnUdp} at +0.3 s", v.Evidence);
        Assert.Contains(v.Evidence, e => e.StartsWith("not connected after 31 s", StringComparison.Ordinal));
        Assert.NotNull(v.Fix);
        Assert.Null(v.SelectedPair);
    }

    [Fact]
    public void A_live_session_fails_by_server_time_when_no_new_data_arrives()
    {
        var script = WrongPassword().Until(2);

        Assert.Equal(Outcomes.Pending, script.Verdict(now: EventScript.At(29)).Outcome);
        Assert.Equal(Outcomes.Failed, script.Verdict(now: EventScript.At(30)).Outcome);
    }

    [Fact]
    public void A_401_with_a_turn_rest_username_that_had_expired_is_an_expired_credential()
    {
        var config = new IceConfiguration([new IceServer([TurnUdp], true, EventScript.At(-3600))], "relay");
        var v = new EventScript().CreatedWith(config).Negotiated().CandidateError(TurnUdp, 401, "Unauthorized").Until(40).Verdict();

        Assert.Equal(Categories.TurnCredentialExpired, v.Category);
        Assert.Contains(v.Evidence, e => e.Contains("expired at 2026-11-01 11:00:00Z, 3600.3 s before the attempt"));
    }

    [Fact]
    public void A_401_with_a_turn_rest_username_still_valid_is_a_wrong_credential()
    {
        var config = new IceConfiguration([new IceServer([TurnUdp], true, EventScript.At(3600))], "relay");
        var v = new EventScript().CreatedWith(config).Negotiated().CandidateError(TurnUdp, 401, "Unauthorized").Until(40).Verdict();

        Assert.Equal(Categories.TurnAuthFailed, v.Category);
    }

    [Fact]
    public void Turn_servers_that_never_answer_are_turn_unreachable()
    {
        var v = new EventScript().CreatedWithPolicy("relay", TurnUdp, "turn:turn.example.com:3478?transport=tcp").Negotiated()
            .CandidateError(TurnUdp, 701, "TURN allocate request timed out.", at: 10)
            .CandidateError("turn:turn.example.com:3478?transport=tcp", 701, "TURN host lookup received error.", at: 10.5)
            .Until(35).Verdict();

        Assert.Equal(Categories.TurnUnreachable, v.Category);
        Assert.Contains(v.Evidence, e => e == "no relay candidate gathered from 2 TURN URL(s)");
    }

    [Fact]
    public void A_relay_policy_with_only_stun_servers_is_no_turn_configured()
    {
        var v = new EventScript().CreatedWithPolicy("relay", "stun:stun.example.com:3478").Negotiated().Until(35).Verdict();

        Assert.Equal(Categories.NoTurnConfigured, v.Category);
        Assert.Contains("iceTransportPolicy is relay, so only TURN candidates may be used", v.Evidence);
    }

    [Fact]
    public void Checks_that_fail_without_turn_are_no_turn_configured_with_the_check_counts()
    {
        var v = new EventScript().Created("stun:stun.example.com:3478").Negotiated()
            .Local("L1", "srflx").Remote("R1", "srflx").Ice("checking", 0.3)
            .Pair(5, "CP1", "L1", "R1", "failed", 0)
            .Ice("disconnected", 12).Connection("failed", 12)
            .Verdict();

        Assert.Equal(Outcomes.Failed, v.Outcome);
        Assert.Equal(Categories.NoTurnConfigured, v.Category);
        Assert.Contains("1 candidate pair(s) checked: 5 of 5 connectivity checks answered", v.Evidence);
    }

    [Fact]
    public void A_connection_that_fails_after_working_is_connection_lost_and_keeps_its_pair()
    {
        var v = new EventScript().Created(TurnUdp).Negotiated().Ice("checking", 0.1).Ice("connected", 0.4)
            .Stats(0.5, "L1", "local-candidate", ("candidateType", "relay"), ("protocol", "udp"), ("relayProtocol", "udp"))
            .Stats(0.5, "R1", "remote-candidate", ("candidateType", "relay"), ("protocol", "udp"))
            .Pair(1, "CP1", "L1", "R1", "succeeded", 3_000).Selected(1, "CP1")
            .Ice("disconnected", 8).Connection("failed", 20)
            .Verdict();

        Assert.Equal(Outcomes.Connected, v.Outcome);
        Assert.True(v.FailedAfterConnect);
        Assert.Equal(Categories.ConnectionLost, v.Category);
        Assert.Equal("relay", v.SelectedPair?.LocalType);
    }

    [Fact]
    public void Ice_that_connects_while_dtls_fails_is_dtls_failed_not_an_ice_failure()
    {
        var v = new EventScript().Created(TurnUdp).Negotiated().Ice("checking", 0.1).Ice("connected", 0.4)
            .Stats(2, "T01", "transport", ("dtlsState", "failed"))
            .Connection("failed", 2)
            .Verdict();

        Assert.Equal(Outcomes.Connected, v.Outcome);
        Assert.Equal(Categories.DtlsFailed, v.Category);
        Assert.False(Categories.CountsAsIceFailure(v.Category));
    }

    [Fact]
    public void A_peer_connection_closed_before_any_answer_arrived_is_signaling_incomplete()
    {
        var v = new EventScript().Created(TurnUdp)
            .Add(new DescriptionSet("pc-1", EventScript.At(0.1), false, "offer"))
            .Local("L1", "host").Add(new PeerConnectionClosed("pc-1", EventScript.At(12)))
            .Verdict();

        Assert.Equal(Outcomes.Failed, v.Outcome);
        Assert.Equal(Categories.SignalingIncomplete, v.Category);
    }

    [Fact]
    public void An_empty_ice_server_list_is_an_invalid_configuration()
    {
        var v = new EventScript().Created().Negotiated().Local("L1", "host").Remote("R1", "host")
            .Connection("failed", 15).Verdict();

        Assert.Equal(Categories.IceConfigInvalid, v.Category);
        Assert.Contains("the ICE server list is empty", v.Evidence);
    }

    [Fact]
    public void A_malformed_ice_server_url_is_an_invalid_configuration()
    {
        var v = new EventScript().Created("turn:", "stun:stun.example.com").Negotiated().Connection("failed", 15).Verdict();

        Assert.Equal(Categories.IceConfigInvalid, v.Category);
        Assert.Contains("ICE server URL \"turn:\" is not a valid stun:/turn: URL", v.Evidence);
    }
}
