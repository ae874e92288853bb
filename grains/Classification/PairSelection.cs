using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Classification;

/// <summary>
/// Which pair carried the traffic and how many bytes went over relay vs direct pairs. Only
/// transport.selectedCandidatePairId is trusted (nominated can be true on two pairs); Firefox
/// without transport stats marks the pair selected; last resort is the busiest succeeded pair.
/// </summary>
public sealed record PairSelection(PairFacts? Pair, SelectedPair? Selected, bool RelayProtocolInferred, long BytesRelayed, long BytesDirect, int Switches)
{
    public static PairSelection Of(PeerConnectionFacts facts) => Of(facts, IceServerFacts.Of(facts));

    public static PairSelection Of(PeerConnectionFacts facts, IceServerFacts servers)
    {
        var pair = LastSelected(facts);
        var local = Candidate(facts.LocalCandidates, pair?.LocalCandidateId);
        var remote = Signalled(facts, Candidate(facts.RemoteCandidates, pair?.RemoteCandidateId));
        var inferred = false;
        SelectedPair? selected = null;
        if (pair is not null)
        {
            var relayProtocol = local?.Type == "relay" ? local.RelayProtocol : null;
            if (local?.Type == "relay" && relayProtocol is null)
            {
                relayProtocol = RelayProtocols.FromPriority(local.Priority);
                inferred = relayProtocol is not null;
            }
            var turnUrl = local?.Type == "relay" ? local.Url ?? GatheredRelayUrl(facts, local) : null;
            var turnUrlInferred = local?.Type == "relay" && turnUrl is null &&
                (turnUrl = TurnUrlInference.Infer(local, relayProtocol, servers.Turn)) is not null;
            selected = new SelectedPair(local?.Type, remote?.Type, local?.Protocol, relayProtocol, turnUrl,
                local?.AddressFamily ?? remote?.AddressFamily, turnUrlInferred);
        }
        long relayed = 0, direct = 0;
        foreach (var p in facts.Pairs.Values)
        {
            var bytes = p.BytesSent + p.BytesReceived;
            if (IsRelay(facts, p)) relayed += bytes;
            else direct += bytes;
        }
        var switches = Math.Max(0, facts.SelectedPairs.Count - 1);
        return new PairSelection(pair, selected, inferred, relayed, direct, switches);
    }

    public static bool IsRelay(PeerConnectionFacts facts, PairFacts pair) =>
        Candidate(facts.LocalCandidates, pair.LocalCandidateId)?.Type == "relay" ||
        Candidate(facts.RemoteCandidates, pair.RemoteCandidateId)?.Type == "relay";

    private static PairFacts? LastSelected(PeerConnectionFacts facts)
    {
        for (var i = facts.SelectedPairs.Count - 1; i >= 0; i--)
            if (facts.Pairs.TryGetValue(facts.SelectedPairs[i].PairId, out var byTransport)) return byTransport;
        var flagged = facts.Pairs.Values.Where(p => p.Selected).MaxBy(p => p.SelectedAt);
        return flagged ?? facts.Pairs.Values
            .Where(p => p.State == "succeeded" || p.FirstSucceededAt is not null)
            .MaxBy(p => p.BytesSent + p.BytesReceived);
    }

    // A check can arrive before the candidate it comes from is signalled; Firefox then keeps calling it
    // peer-reflexive. When a signalled candidate has the same address and port, it is that candidate.
    private static CandidateInfo? Signalled(PeerConnectionFacts facts, CandidateInfo? remote)
    {
        if (remote?.Type != "prflx" || remote.Address is null) return remote;
        var match = facts.RemoteCandidates.Values.FirstOrDefault(c =>
            c.Type is not (null or "prflx") && c.Port == remote.Port && SameAddress(c.Address, remote.Address));
        return match is null ? remote : remote with { Type = match.Type };
    }

    private static bool SameAddress(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim('[', ']'), b.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);

    private static CandidateInfo? Candidate(Dictionary<string, CandidateInfo> candidates, string? id) =>
        id is not null && candidates.TryGetValue(id, out var c) ? c : null;

    // Chrome's stats carry the URL; when they do not, a gathered relay candidate with the same address may.
    private static string? GatheredRelayUrl(PeerConnectionFacts facts, CandidateInfo local) =>
        facts.LocalCandidates.Values.FirstOrDefault(c =>
            c.Type == "relay" && c.Url is not null && c.Address == local.Address && c.Port == local.Port)?.Url;
}
