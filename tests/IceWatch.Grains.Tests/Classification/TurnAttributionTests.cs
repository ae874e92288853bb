using IceWatch.Grains.Events;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Classification;

/// <summary>Which configured TURN URL a relay candidate or an error belongs to when the browser does not say it plainly.</summary>
public sealed class TurnAttributionTests
{
    private const string TurnUdp = "turn:10.201.0.1:3478?transport=udp";
    private const string TurnTcp = "turn:10.201.0.1:3478?transport=tcp";
    private const string TurnsOther = "turns:turn.example.com:443?transport=tcp";

    private static Verdict RelayedVia(string relayProtocol, string address, params string[] urls) =>
        new EventScript().CreatedWithPolicy("relay", urls).Negotiated().Ice("checking", 0.1).Ice("connected", 0.3)
            .Stats(1, "L1", "local-candidate", ("candidateType", "relay"), ("protocol", "udp"), ("relayProtocol", relayProtocol), ("address", address), ("port", 49223L))
            .Stats(1, "R1", "remote-candidate", ("candidateType", "relay"), ("protocol", "udp"))
            .Pair(1, "CP1", "L1", "R1", "succeeded", 4_000).Selected(1, "CP1").Verdict();

    [Fact]
    public void A_relay_candidate_without_url_gets_the_only_turn_url_over_its_transport_and_says_it_was_inferred()
    {
        var v = RelayedVia("tcp", "10.201.0.1", TurnUdp, TurnTcp);

        Assert.Equal(TurnTcp, v.SelectedPair?.TurnUrl);
        Assert.True(v.SelectedPair?.TurnUrlInferred);
        Assert.Contains(v.Evidence, e => e.StartsWith($"TURN URL {TurnTcp} inferred from the configuration", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_turn_urls_over_one_transport_are_told_apart_by_the_relay_address()
    {
        Assert.Equal("turn:198.51.100.7:3478", RelayedVia("udp", "198.51.100.7", "turn:turn.example.com:3478", "turn:198.51.100.7:3478").SelectedPair?.TurnUrl);
    }

    [Fact]
    public void An_ambiguous_relay_candidate_is_attributed_to_no_turn_url()
    {
        var v = RelayedVia("udp", "ipv4-1f2e3d4c", "turn:a.example.com:3478", "turn:b.example.com:3478");

        Assert.Null(v.SelectedPair?.TurnUrl);
        Assert.False(v.SelectedPair?.TurnUrlInferred);
    }

    [Fact]
    public void A_url_the_browser_reported_is_kept_and_not_called_inferred()
    {
        var v = new EventScript().CreatedWithPolicy("relay", TurnUdp, TurnsOther).Negotiated().Ice("connected", 0.3)
            .Stats(1, "L1", "local-candidate", ("candidateType", "relay"), ("protocol", "udp"), ("relayProtocol", "tls"), ("url", TurnsOther))
            .Pair(1, "CP1", "L1", "R1", "succeeded", 4_000).Selected(1, "CP1").Verdict();

        Assert.Equal(TurnsOther, v.SelectedPair?.TurnUrl);
        Assert.False(v.SelectedPair?.TurnUrlInferred);
    }

    [Fact]
    public void Firefox_errors_without_the_transport_query_count_once_against_the_configured_url()
    {
        var v = new EventScript().CreatedWithPolicy("relay", TurnUdp).Negotiated()
            .State(StateKind.Gathering, "gathering", 0.06)
            .CandidateError("turn:10.201.0.1:3478", 401, "", at: 0.08)
            .CandidateError("turn:10.201.0.1:3478", 401, "", at: 0.09)
            .CandidateError("turn:10.201.0.1:3478", 401, "", at: 0.1).Verdict();

        Assert.Equal(Categories.TurnAuthFailed, v.Category);
        Assert.Equal([new TurnUrlErrors(TurnUdp, 1, 0)], v.TurnErrors);
        Assert.Contains($"401 Unauthorized from {TurnUdp} (reported as turn:10.201.0.1:3478) at +0.1 s", v.Evidence);
    }

    [Fact]
    public void An_error_that_names_its_transport_goes_to_the_url_over_that_transport()
    {
        var v = new EventScript().CreatedWithPolicy("relay", TurnUdp, TurnTcp).Negotiated()
            .CandidateError("turn:10.201.0.1:3478", 401, "", at: 0.08)
            .CandidateError("turn:10.201.0.1:3478?transport=tcp", 401, "", at: 0.09).Verdict();

        Assert.Equal([new TurnUrlErrors(TurnTcp, 1, 0), new TurnUrlErrors(TurnUdp, 1, 0)], v.TurnErrors.OrderBy(e => e.Url, StringComparer.Ordinal));
    }

    [Fact]
    public void Errors_of_a_new_gathering_round_count_again()
    {
        var v = new EventScript().CreatedWithPolicy(null, TurnUdp).Negotiated().Local("L1", "host")
            .State(StateKind.Gathering, "gathering", 0.06).CandidateError(TurnUdp, 401, "Unauthorized", at: 0.1).State(StateKind.Gathering, "complete", 0.2)
            .State(StateKind.Gathering, "gathering", 5).CandidateError(TurnUdp, 401, "Unauthorized", at: 5.1).Until(40).Verdict();

        Assert.Equal([new TurnUrlErrors(TurnUdp, 2, 0)], v.TurnErrors);
    }

    [Fact]
    public void A_turn_server_on_a_loopback_address_is_explained_and_fixed_in_the_configuration()
    {
        const string loopback = "turn:127.0.0.1:3478?transport=udp";
        var v = new EventScript().CreatedWithPolicy("relay", loopback).Negotiated()
            .State(StateKind.Gathering, "gathering", 0.06).CandidateError("turn:127.0.0.1:3478", 701, "", at: 0.07)
            .State(StateKind.Gathering, "complete", 0.08).Verdict();

        Assert.Equal(Categories.TurnUnreachable, v.Category);
        Assert.Contains(v.Evidence, e => e.StartsWith($"{loopback} is a loopback address: Firefox never contacts STUN/TURN servers there", StringComparison.Ordinal));
        Assert.Equal(LoopbackFix, v.Fix);
    }

    private const string LoopbackFix = "The ICE configuration points at a loopback address: no client can reach a STUN/TURN server there " +
        "(Firefox does not even try); hand out the servers' public host names or addresses.";
}
