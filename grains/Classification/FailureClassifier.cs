using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Classification;

/// <summary>
/// Decides the root cause of a peer connection that never connected. Rules run in a fixed order of
/// precedence (docs/diagnosis.md): configuration, signaling, TURN errors, TURN transport gaps,
/// STUN, missing TURN, gathering; the first rule that holds wins and writes its evidence.
/// </summary>
public static class FailureClassifier
{
    /// <param name="certain">The failure is certain from local facts alone (CertainFailure): the missing signaling is then not the cause.</param>
    public static string Classify(PeerConnectionFacts facts, IceServerFacts servers, Evidence evidence, bool certain = false)
    {
        var local = facts.LocalCandidates.Values.ToList();
        var relayGathered = local.Any(c => c.Type == "relay");
        var srflxGathered = local.Any(c => c.Type == "srflx");
        var remoteCandidates = Math.Max(facts.RemoteCandidatesAdded, facts.RemoteCandidates.Count);

        if (servers.Known && (servers.Invalid.Count > 0 || servers.Empty))
        {
            foreach (var bad in servers.Invalid) evidence.Add($"ICE server URL \"{bad}\" is not a valid stun:/turn: URL");
            if (servers.Empty) evidence.Add("the ICE server list is empty" + (servers.RelayPolicy ? " and iceTransportPolicy is relay: nothing can be gathered" : ""));
            return Categories.IceConfigInvalid;
        }
        if (!certain && !facts.RemoteDescriptionSet && remoteCandidates == 0 && facts.Pairs.Count == 0)
        {
            evidence.Add("no remote description was set and no remote candidate arrived: ICE never started");
            return Categories.SignalingIncomplete;
        }
        if (servers.HasTurn && !relayGathered)
        {
            return TurnRules.Classify(facts, servers, srflxGathered, evidence);
        }
        if (!servers.HasTurn)
        {
            if (!srflxGathered && servers.AllStunErrored)
            {
                evidence.Add($"no srflx candidate gathered; all {servers.Stun.Count} STUN URL(s) failed ({string.Join(", ", servers.ErroredStunUrls)})");
                evidence.Add("no TURN server configured");
                return Categories.StunUnreachable;
            }
            evidence.Add(servers.Known ? "no turn:/turns: URL in the ICE configuration" : "no TURN server seen in the data");
            if (servers.RelayPolicy) evidence.Add("iceTransportPolicy is relay, so only TURN candidates may be used");
            AddChecks(facts, evidence);
            return Categories.NoTurnConfigured;
        }
        if (remoteCandidates == 0)
        {
            evidence.Add($"{local.Count} local candidate(s) gathered but no remote candidate arrived");
            return Categories.SignalingIncomplete;
        }
        AddChecks(facts, evidence);
        return Categories.Unknown;
    }

    public static void AddChecks(PeerConnectionFacts facts, Evidence evidence)
    {
        if (facts.Pairs.Count == 0) return;
        var requests = facts.Pairs.Values.Sum(p => p.RequestsSent);
        var responses = facts.Pairs.Values.Sum(p => p.ResponsesReceived);
        evidence.Add($"{facts.Pairs.Count} candidate pair(s) checked: {responses} of {requests} connectivity checks answered");
    }
}
