using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Classification;

/// <summary>Why a configured TURN server gave no relay candidate: credentials, reachability or transport.</summary>
internal static class TurnRules
{
    public static string Classify(PeerConnectionFacts facts, IceServerFacts servers, bool srflxGathered, Evidence evidence)
    {
        var unauthorized = servers.TurnErrors.Where(e => e.ErrorCode == 401).ToList();
        if (unauthorized.Count > 0)
        {
            var first = unauthorized.MinBy(e => e.Time)!;
            evidence.Add($"{first.ErrorCode} {first.ErrorText ?? "Unauthorized"} from {first.Url}{evidence.At(first.Time)}");
            evidence.Add("no relay candidate gathered");
            if (servers.EarliestExpiry is { } expiry && expiry < first.Time)
            {
                evidence.Add($"the TURN REST username expired at {expiry:u}, {Evidence.Seconds(first.Time - expiry)} before the attempt");
                return Categories.TurnCredentialExpired;
            }
            return Categories.TurnAuthFailed;
        }
        if (servers.AllTurnErrored && servers.AllStunErrored)
        {
            evidence.Add($"every STUN and TURN URL failed: {string.Join(", ", servers.ErroredStunUrls.Concat(servers.ErroredTurnUrls))}");
            evidence.Add("no srflx and no relay candidate gathered");
            return Categories.StunTurnBlocked;
        }
        // Browsers also learn srflx candidates from TURN servers, so none at all with STUN configured means UDP is not getting out.
        var udpBlocked = !srflxGathered && servers.Stun.Count > 0;
        if (udpBlocked && servers.TurnUdpOnly)
        {
            evidence.Add($"TURN is configured only over UDP ({string.Join(", ", servers.Turn.Select(u => u.Text))})");
            evidence.Add("no srflx and no relay candidate gathered: UDP looks blocked");
            return Categories.TurnUdpOnly;
        }
        if (udpBlocked && !servers.HasTls443 && servers.AllTurnErrored)
        {
            evidence.Add("no srflx and no relay candidate gathered; every TURN URL failed");
            evidence.Add("no turns: URL on port 443 is configured, the one port restrictive networks let out");
            return Categories.TurnTls443Missing;
        }
        foreach (var e in servers.TurnErrors.GroupBy(e => e.Url).Select(g => g.MinBy(e => e.Time)!))
            evidence.Add($"{e.ErrorCode} {e.ErrorText} from {e.Url}{evidence.At(e.Time)}".Replace("  ", " "));
        if (servers.TurnErrors.Count == 0) evidence.Add("no TURN server answered and none reported an error");
        evidence.Add($"no relay candidate gathered from {servers.Turn.Count} TURN URL(s)");
        return Categories.TurnUnreachable;
    }
}
