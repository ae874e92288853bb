using System.Buffers;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Timeline;

/// <summary>
/// Merges getStats objects (full or delta, any order) into the facts of a peer connection. Readers
/// that fold a dump straight into facts hand their values over as <see cref="StatField"/>s; a
/// StatsObserved event is folded the same way.
/// </summary>
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
        if (!FieldsRead.ContainsKey(e.StatsType) && (e.StatsType.Length > 0 || !facts.StatsTypes.ContainsKey(e.StatsId)))
        {
            return; // a type this fold does not read: nothing to convert
        }

        var fields = ArrayPool<StatField>.Shared.Rent(e.Values.Count);
        var count = 0;
        foreach (var (name, value) in e.Values)
        {
            fields[count++] = new StatField(name, StatValue.FromObject(value));
        }

        try
        {
            Apply(facts, e.Time, e.StatsId, e.StatsType, fields.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<StatField>.Shared.Return(fields, clearArray: true);
        }
    }

    /// <summary>Folds one stats object seen at <paramref name="time"/>; where a name repeats, its last value counts.</summary>
    public static void Apply(PeerConnectionFacts facts, DateTimeOffset time, string statsId, string statsType, ReadOnlySpan<StatField> values)
    {
        // Delta-encoded snapshots may omit the type of an object sent before.
        var type = statsType;
        if (type.Length == 0) type = facts.StatsTypes.GetValueOrDefault(statsId, "");
        else if (FieldsRead.ContainsKey(type)) facts.StatsTypes[statsId] = type;
        switch (type)
        {
            case "candidate-pair":
                PairStatsFold.Apply(Pair(facts, statsId), time, values);
                break;
            case "local-candidate":
                facts.LocalCandidates[statsId] = CandidateStatsFold.Merge(facts.LocalCandidates.GetValueOrDefault(statsId), statsId, values);
                break;
            case "remote-candidate":
                facts.RemoteCandidates[statsId] = CandidateStatsFold.Merge(facts.RemoteCandidates.GetValueOrDefault(statsId), statsId, values);
                break;
            case "transport":
                ApplyTransport(facts, time, values);
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

    private static void ApplyTransport(PeerConnectionFacts facts, DateTimeOffset time, ReadOnlySpan<StatField> values)
    {
        StatValue dtlsValue = default, iceValue = default, pairIdValue = default;
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "dtlsState": dtlsValue = value; break;
                case "iceState": iceValue = value; break;
                case "selectedCandidatePairId": pairIdValue = value; break;
            }
        }

        var iceState = iceValue.Str();
        if (iceState is not null) facts.TransportIceState = iceState;
        if (dtlsValue.Str() is { } dtls)
        {
            facts.DtlsState = dtls;
            if (dtls == "failed" && (facts.DtlsFailedAt is null || time < facts.DtlsFailedAt))
            {
                facts.DtlsFailedAt = time;
                facts.IceStateWhenDtlsFailed = iceState ?? facts.TransportIceState;
            }
        }
        if (pairIdValue.Str() is { Length: > 0 } pairId)
            SelectedPairHistory.Record(facts.SelectedPairs, time, pairId);
    }
}
