using IceWatch.Grains.Events;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Classification;

/// <summary>Failures decided before the stall deadline because no pair can ever form, and the cases that must wait.</summary>
public sealed class CertainFailureTests
{
    private const string TurnUdp = "turn:turn.example.com:3478?transport=udp";
    private const string TurnTcp = "turn:turn.example.com:3478?transport=tcp";

    private static EventScript Gathering(EventScript script, double from = 0.06, double to = 0.1) =>
        script.State(StateKind.Gathering, "gathering", from).State(StateKind.Gathering, "complete", to);

    [Fact]
    public void A_401_from_the_only_turn_url_under_relay_policy_fails_at_once_with_its_cause()
    {
        var v = new EventScript().CreatedWithPolicy("relay", TurnUdp).Negotiated()
            .CandidateError(TurnUdp, 401, "Unauthorized", at: 0.3).Until(0.4).Verdict();

        Assert.Equal(Outcomes.Failed, v.Outcome);
        Assert.Equal(Categories.TurnAuthFailed, v.Category);
        Assert.Contains(v.Evidence, e => e.StartsWith("every TURN URL (1) answered 401 under iceTransportPolicy relay at +0.3 s: no relay candidate can be gathered", StringComparison.Ordinal));
    }

    [Fact]
    public void A_401_from_one_of_two_turn_urls_waits_for_the_other()
    {
        var v = new EventScript().CreatedWithPolicy("relay", TurnUdp, TurnTcp).Negotiated()
            .CandidateError(TurnUdp, 401, "Unauthorized", at: 0.3).Until(1).Verdict();

        Assert.Equal(Outcomes.Pending, v.Outcome);
    }

    [Fact]
    public void Relay_policy_without_a_turn_url_fails_from_creation_and_blames_the_configuration_not_the_signaling()
    {
        var v = new EventScript().CreatedWithPolicy("relay", "stun:stun.example.com:3478").Until(0.01).Verdict();

        Assert.Equal(Outcomes.Failed, v.Outcome);
        Assert.Equal(Categories.NoTurnConfigured, v.Category);
        Assert.Contains(v.Evidence, e => e.StartsWith("iceTransportPolicy is relay and no turn:/turns: URL is configured at +0.0 s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_finished_gathering_round_without_a_relay_candidate_fails_under_relay_policy()
    {
        var v = Gathering(new EventScript().CreatedWithPolicy("relay", TurnTcp).Negotiated(), to: 0.2)
            .CandidateError(TurnTcp, 701, "Failed to establish connection", at: 0.15).Verdict();

        Assert.Equal(Outcomes.Failed, v.Outcome);
        Assert.Equal(Categories.TurnUnreachable, v.Category);
        Assert.Contains(v.Evidence, e => e.StartsWith("candidate gathering completed without a relay candidate under iceTransportPolicy relay at +0.2 s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_relay_candidate_keeps_the_call_pending_however_late_the_remote_candidates_are()
    {
        var v = Gathering(new EventScript().CreatedWithPolicy("relay", TurnUdp)
            .Add(new DescriptionSet("pc-1", EventScript.At(0.05), false, "offer")).Local("L1", "relay", relayProtocol: "udp"))
            .Until(5).Verdict();

        Assert.Equal(Outcomes.Pending, v.Outcome);
    }

    [Fact]
    public void Policy_all_without_any_gathered_candidate_waits_since_chrome_keeps_host_candidates_it_does_not_signal()
    {
        var v = Gathering(new EventScript().CreatedWithPolicy(null, "stun:stun.example.com:3478").Negotiated()).Until(5).Verdict();

        Assert.Equal(Outcomes.Pending, v.Outcome);
    }

    [Fact]
    public void A_gathering_round_not_watched_from_its_start_decides_nothing()
    {
        // An SDK attached after setLocalDescription: it saw neither the start of gathering nor its candidates.
        var v = new EventScript().CreatedWithPolicy("relay", TurnTcp).Add(new DescriptionSet("pc-1", EventScript.At(0.1), true, "answer"))
            .State(StateKind.Gathering, "complete", 0.2).Until(5).Verdict();

        Assert.Equal(Outcomes.Pending, v.Outcome);
    }

    [Fact]
    public void Firefox_going_from_new_straight_to_complete_after_the_local_description_decides()
    {
        var v = new EventScript().CreatedWithPolicy("relay", TurnTcp).Negotiated()
            .State(StateKind.Gathering, "complete", 0.08).Until(0.5).Verdict();

        Assert.Equal(Outcomes.Failed, v.Outcome);
        Assert.Equal(Categories.TurnUnreachable, v.Category);
    }

    [Fact]
    public void An_ice_restart_after_the_decisive_fact_reopens_the_verdict_until_the_new_round_ends()
    {
        var script = new EventScript().CreatedWithPolicy("relay", TurnUdp).Negotiated()
            .CandidateError(TurnUdp, 401, "Unauthorized", at: 0.3)
            .Add(new IceRestartRequested("pc-1", EventScript.At(2)));
        Assert.Equal(Outcomes.Pending, script.Until(2.1).Verdict().Outcome);

        var again = script.CandidateError(TurnUdp, 401, "Unauthorized", at: 2.3).Verdict();
        Assert.Equal(Outcomes.Failed, again.Outcome);
        Assert.Contains(again.Evidence, e => e.Contains("answered 401 under iceTransportPolicy relay at +2.3 s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_configuration_after_a_401_reopens_the_verdict()
    {
        var v = new EventScript().CreatedWithPolicy("relay", TurnUdp).Negotiated()
            .CandidateError(TurnUdp, 401, "Unauthorized", at: 0.3)
            .Add(new ConfigurationChanged("pc-1", EventScript.At(1), new IceConfiguration([new IceServer([TurnUdp], true)], "relay")))
            .Until(1.5).Verdict();

        Assert.Equal(Outcomes.Pending, v.Outcome);
    }

    [Fact]
    public void A_call_decided_failed_that_connects_after_an_ice_restart_is_connected()
    {
        var v = new EventScript().CreatedWithPolicy("relay", TurnUdp).Negotiated()
            .CandidateError(TurnUdp, 401, "Unauthorized", at: 0.3)
            .Add(new IceRestartRequested("pc-1", EventScript.At(3)))
            .Local("L2", "relay", relayProtocol: "udp", at: 3.2).Ice("checking", 3.3).Ice("connected", 3.5).Verdict();

        Assert.Equal(Outcomes.Connected, v.Outcome);
        Assert.Null(v.Category);
    }
}
