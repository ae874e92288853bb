using IceWatch.Grains.Events;

namespace IceWatch.Grains.Timeline;

/// <summary>Merges getStats objects (full or delta, any order) into the facts of a peer connection.</summary>
internal static class StatsFold
{
    /// <summary>
    /// The stats types this fold reads and, for each, the fields it reads: a reader may leave out
    /// everything else (<see cref="Parsing.StatsFilter.Timeline"/>). Keep in step with the code below.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> FieldsRead { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["candidate-pair"] = ["localCandidateId", "remoteCandidateId", "state", "nominated", "selected", "bytesSent",
            "bytesReceived", "requestsSent", "responsesReceived", "currentRoundTripTime"],
        ["local-candidate"] = CandidateFields,
        ["remote-candidate"] = CandidateFields,
        ["transport"] = ["dtlsState", "iceState", "selectedCandidatePairId"],
    };

    private static string[] CandidateFields => ["address", "ip", "candidateType", "protocol", "relayProtocol", "url", "priority", "port", "tcpType"];

    public static void Apply(PeerConnectionFacts facts, StatsObserved e)
    {
        // Delta-encoded snapshots may omit the type of an object sent before.
        var type = e.StatsType;
        if (type.Length == 0) type = facts.StatsTypes.GetValueOrDefault(e.StatsId, "");
        else if (FieldsRead.ContainsKey(type)) facts.StatsTypes[e.StatsId] = type;
        switch (type)
        {
            case "candidate-pair":
                ApplyPair(Pair(facts, e.StatsId), e);
                break;
            case "local-candidate":
                facts.LocalCandidates[e.StatsId] = Merge(facts.LocalCandidates.GetValueOrDefault(e.StatsId), e);
                break;
            case "remote-candidate":
                facts.RemoteCandidates[e.StatsId] = Merge(facts.RemoteCandidates.GetValueOrDefault(e.StatsId), e);
                break;
            case "transport":
                ApplyTransport(facts, e);
                break;
        }
    }

    private static PairFacts Pair(PeerConnectionFacts facts, string id)
    {
        if (!facts.Pairs.TryGetValue(id, out var pair))
        {
            pair = new PairFacts { Id = id };
            facts.Pairs[id] = pair;
        }
        return pair;
    }

    private static void ApplyPair(PairFacts pair, StatsObserved e)
    {
        var v = e.Values;
        pair.LocalCandidateId = StatValues.Str(v, "localCandidateId") ?? pair.LocalCandidateId;
        pair.RemoteCandidateId = StatValues.Str(v, "remoteCandidateId") ?? pair.RemoteCandidateId;
        if (StatValues.Str(v, "state") is { } state && (pair.StateAt is null || e.Time >= pair.StateAt))
        {
            pair.State = state;
            pair.StateAt = e.Time;
        }
        if (StatValues.Str(v, "state") == "succeeded" && (pair.FirstSucceededAt is null || e.Time < pair.FirstSucceededAt))
            pair.FirstSucceededAt = e.Time;
        pair.Nominated |= StatValues.Bool(v, "nominated") == true;
        if (StatValues.Bool(v, "selected") == true)
        {
            pair.Selected = true;
            if (pair.SelectedAt is null || e.Time > pair.SelectedAt) pair.SelectedAt = e.Time;
        }
        pair.BytesSent = Math.Max(pair.BytesSent, StatValues.Long(v, "bytesSent") ?? 0);
        pair.BytesReceived = Math.Max(pair.BytesReceived, StatValues.Long(v, "bytesReceived") ?? 0);
        pair.RequestsSent = Math.Max(pair.RequestsSent, StatValues.Long(v, "requestsSent") ?? 0);
        pair.ResponsesReceived = Math.Max(pair.ResponsesReceived, StatValues.Long(v, "responsesReceived") ?? 0);
        pair.CurrentRoundTripTime = StatValues.Double(v, "currentRoundTripTime") ?? pair.CurrentRoundTripTime;
        if (pair.LastSeen is null || e.Time > pair.LastSeen) pair.LastSeen = e.Time;
    }

    private static void ApplyTransport(PeerConnectionFacts facts, StatsObserved e)
    {
        var iceState = StatValues.Str(e.Values, "iceState");
        if (iceState is not null) facts.TransportIceState = iceState;
        if (StatValues.Str(e.Values, "dtlsState") is { } dtls)
        {
            facts.DtlsState = dtls;
            if (dtls == "failed" && (facts.DtlsFailedAt is null || e.Time < facts.DtlsFailedAt))
            {
                facts.DtlsFailedAt = e.Time;
                facts.IceStateWhenDtlsFailed = iceState ?? facts.TransportIceState;
            }
        }
        if (StatValues.Str(e.Values, "selectedCandidatePairId") is { Length: > 0 } pairId)
            SelectedPairHistory.Record(facts.SelectedPairs, e.Time, pairId);
    }

    private static CandidateInfo Merge(CandidateInfo? known, StatsObserved e)
    {
        var v = e.Values;
        var address = StatValues.Str(v, "address") ?? StatValues.Str(v, "ip");
        return new CandidateInfo(
            e.StatsId,
            StatValues.Str(v, "candidateType") ?? known?.Type,
            StatValues.Str(v, "protocol") ?? known?.Protocol,
            StatValues.Str(v, "relayProtocol") ?? known?.RelayProtocol,
            StatValues.Str(v, "url") ?? known?.Url,
            StatValues.Long(v, "priority") ?? known?.Priority,
            address ?? known?.Address,
            (int?)StatValues.Long(v, "port") ?? known?.Port,
            AddressFamilies.Of(address ?? known?.Address) ?? known?.AddressFamily,
            StatValues.Str(v, "tcpType") ?? known?.TcpType);
    }
}
