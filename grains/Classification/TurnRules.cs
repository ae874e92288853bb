using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Classification;

/// <summary>Why a configured TURN server gave no relay candidate: credentials, the network, or the server.</summary>
internal static class TurnRules
{
    public static string Classify(PeerConnectionFacts facts, IceServerFacts servers, bool srflxGathered, Evidence evidence)
    {
        var unauthorized = servers.TurnErrors.Where(e => e.ErrorCode == 401).ToList();
        if (unauthorized.Count > 0) return Unauthorized(servers, unauthorized, evidence);

        var blocked = NetworkBlocksUdp(facts, servers, srflxGathered);
        if (blocked && servers.TurnUdpOnly)
        {
            evidence.Add($"TURN is configured only over UDP ({string.Join(", ", servers.Turn.Select(u => u.Text))})");
            AddBlockedEvidence(facts, servers, evidence);
            return Categories.TurnUdpOnly;
        }
        if (servers.AllTurnErrored && servers.AllStunErrored)
        {
            evidence.Add($"every STUN and TURN URL failed: {string.Join(", ", servers.ErroredStunUrls.Concat(servers.ErroredTurnUrls))}");
            evidence.Add("no srflx and no relay candidate gathered");
            return Categories.StunTurnBlocked;
        }
        if (blocked && !servers.HasTls443)
        {
            AddBlockedEvidence(facts, servers, evidence);
            var silent = servers.Turn.Where(u => u.Transport != "udp" && !servers.ErroredTurnUrls.Contains(u.Text)).Select(u => u.Text).ToList();
            if (silent.Count > 0) evidence.Add($"TURN over TCP on another port never answered ({string.Join(", ", silent)}): only 443 gets out");
            evidence.Add("no turns: URL on port 443 is configured, the one port restrictive networks let out");
            return Categories.TurnTls443Missing;
        }
        if (servers.TurnErrors.Count == 0 && facts.LocalCandidates.Count == 0 && !GatheringCompleted(facts))
        {
            evidence.Add($"candidate gathering never completed and nothing was gathered from {servers.Turn.Count} TURN URL(s); no error was reported");
            return Categories.GatheringTimeout;
        }
        foreach (var e in servers.TurnErrors.GroupBy(e => e.Url).Select(g => g.MinBy(e => e.Time)!))
            evidence.Add(evidence.Error(e));
        if (servers.TurnErrors.Count == 0) evidence.Add("no TURN server answered and none reported an error");
        evidence.Add($"no relay candidate gathered from {servers.Turn.Count} TURN URL(s)");
        return Categories.TurnUnreachable;
    }

    private static string Unauthorized(IceServerFacts servers, List<CandidateError> unauthorized, Evidence evidence)
    {
        var first = unauthorized.MinBy(e => e.Time)!;
        foreach (var e in unauthorized.GroupBy(e => e.Url).Select(g => g.MinBy(e => e.Time)!).OrderBy(e => e.Time))
            evidence.Add(evidence.Error(e, "Unauthorized"));
        evidence.Add("no relay candidate gathered");
        if (servers.EarliestExpiry is { } expiry && expiry < first.Time)
        {
            evidence.Add($"the TURN REST username expired at {expiry:u}, {Evidence.Seconds(first.Time - expiry)} before the attempt");
            return Categories.TurnCredentialExpired;
        }
        return Categories.TurnAuthFailed;
    }

    /// <summary>
    /// UDP is provably not getting out when UDP servers time out, no srflx was learned, and the
    /// connectivity checks ICE did run went unanswered. With a relay-only policy there are no checks,
    /// and a dead TURN server looks the same as a blocked network: that stays turn_unreachable.
    /// </summary>
    private static bool NetworkBlocksUdp(PeerConnectionFacts facts, IceServerFacts servers, bool srflxGathered)
    {
        var udpTimedOut = servers.StunErrors.Concat(servers.TurnErrors).Any(e => IceUrl.Parse(e.Url)?.Transport == "udp");
        var checksRan = facts.Pairs.Count > 0 || facts.States.Any(s => s.Kind == StateKind.Ice && s.State == "checking");
        var answered = facts.Pairs.Values.Sum(p => p.ResponsesReceived);
        return !srflxGathered && udpTimedOut && checksRan && answered == 0;
    }

    private static void AddBlockedEvidence(PeerConnectionFacts facts, IceServerFacts servers, Evidence evidence)
    {
        var udp = servers.StunErrors.Concat(servers.TurnErrors).Where(e => IceUrl.Parse(e.Url)?.Transport == "udp")
            .GroupBy(e => e.Url).Select(g => g.MinBy(e => e.Time)!).ToList();
        foreach (var e in udp) evidence.Add(evidence.Error(e));
        var requests = facts.Pairs.Values.Sum(p => p.RequestsSent);
        evidence.Add($"no srflx and no relay candidate gathered; 0 of {requests} connectivity checks answered: UDP is not getting out");
    }

    private static bool GatheringCompleted(PeerConnectionFacts facts) =>
        facts.States.Any(s => s.Kind == StateKind.Gathering && s.State == "complete");
}
