namespace IceWatch.Grains.Timeline;

/// <summary>Folds one candidate-pair stats object into what is known of the pair: last values, counters as their maximum.</summary>
internal static class PairStatsFold
{
    public static void Apply(PairFacts pair, DateTimeOffset time, ReadOnlySpan<StatField> values)
    {
        StatValue localId = default, remoteId = default, stateValue = default, nominated = default, selected = default,
            bytesSent = default, bytesReceived = default, requestsSent = default, responsesReceived = default, rtt = default;
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "localCandidateId": localId = value; break;
                case "remoteCandidateId": remoteId = value; break;
                case "state": stateValue = value; break;
                case "nominated": nominated = value; break;
                case "selected": selected = value; break;
                case "bytesSent": bytesSent = value; break;
                case "bytesReceived": bytesReceived = value; break;
                case "requestsSent": requestsSent = value; break;
                case "responsesReceived": responsesReceived = value; break;
                case "currentRoundTripTime": rtt = value; break;
            }
        }

        pair.LocalCandidateId = localId.Str() ?? pair.LocalCandidateId;
        pair.RemoteCandidateId = remoteId.Str() ?? pair.RemoteCandidateId;
        var state = stateValue.Str();
        if (state is not null && (pair.StateAt is null || time >= pair.StateAt))
        {
            pair.State = state;
            pair.StateAt = time;
        }
        if (state == "succeeded" && (pair.FirstSucceededAt is null || time < pair.FirstSucceededAt))
            pair.FirstSucceededAt = time;
        pair.Nominated |= nominated.Bool() == true;
        if (selected.Bool() == true)
        {
            pair.Selected = true;
            if (pair.SelectedAt is null || time > pair.SelectedAt) pair.SelectedAt = time;
        }
        pair.BytesSent = Math.Max(pair.BytesSent, bytesSent.Long() ?? 0);
        pair.BytesReceived = Math.Max(pair.BytesReceived, bytesReceived.Long() ?? 0);
        pair.RequestsSent = Math.Max(pair.RequestsSent, requestsSent.Long() ?? 0);
        pair.ResponsesReceived = Math.Max(pair.ResponsesReceived, responsesReceived.Long() ?? 0);
        pair.CurrentRoundTripTime = rtt.Double() ?? pair.CurrentRoundTripTime;
        if (pair.LastSeen is null || time > pair.LastSeen) pair.LastSeen = time;
    }
}
