using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Classification;

/// <summary>Turns the facts of one peer connection into its verdict.</summary>
public static class VerdictClassifier
{
    /// <param name="now">Server time for live sessions; null offline, where only the recording's own span counts.</param>
    public static Verdict Classify(PeerConnectionFacts facts, TimeSpan stallDeadline, DateTimeOffset? now = null)
    {
        var states = ConnectionStates.Of(facts);
        var servers = IceServerFacts.Of(facts);
        var pairs = PairSelection.Of(facts, servers);
        var evidence = new Evidence(states.Start);
        var outcomeEvidence = new Evidence(states.Start);
        var certain = states.ConnectedAt is null ? CertainFailure.Of(facts, servers) : null;
        var outcome = Outcome(facts, states, certain, stallDeadline, now, outcomeEvidence);
        // A DTLS failure fails the connection while ICE stays up: not a lost connection.
        var failedAfterConnect = states.FailedAfterConnectAt is not null && !states.DtlsFailed;
        string? category = null;
        if (outcome == Outcomes.Failed)
            category = FailureClassifier.Classify(facts, servers, evidence, certain is not null);
        else if (states.DtlsFailed)
            category = Categories.DtlsFailed;
        else if (failedAfterConnect)
        {
            category = Categories.ConnectionLost;
            evidence.Add($"connected{evidence.At(states.ConnectedAt!.Value)}, then failed{evidence.At(states.FailedAfterConnectAt!.Value)}");
        }
        foreach (var r in states.Recoveries)
            evidence.Add($"failed{evidence.At(r.FailedAt)} after connecting, recovered{evidence.At(r.ConnectedAgainAt)}" +
                (facts.LastIceRestartAt is { } restart && restart >= r.FailedAt && restart <= r.ConnectedAgainAt ? " after an ICE restart" : ""));
        var fix = LoopbackServers.Explain(category, servers, evidence) ?? Fixes.For(category);
        if (pairs.RelayProtocolInferred)
            evidence.Add($"relay protocol {pairs.Selected!.RelayProtocol} inferred from the relay candidate's priority (the browser did not report it)");
        if (pairs.Selected is { TurnUrlInferred: true } inferred)
            evidence.Add($"TURN URL {inferred.TurnUrl} inferred from the configuration: the only configured TURN URL that fits the relay candidate's transport and address (the browser did not report it)");
        foreach (var line in outcomeEvidence.Lines) evidence.Add(line);
        foreach (var note in facts.Notes) evidence.Add(note);
        var total = pairs.BytesRelayed + pairs.BytesDirect;
        return new Verdict
        {
            PeerConnectionId = facts.PeerConnectionId,
            Outcome = outcome,
            FailedAfterConnect = failedAfterConnect,
            SelectedPair = outcome == Outcomes.Connected ? pairs.Selected : null,
            Relayed = outcome == Outcomes.Connected && pairs.Selected is { } s && (s.LocalType == "relay" || s.RemoteType == "relay"),
            BytesRelayed = pairs.BytesRelayed,
            BytesDirect = pairs.BytesDirect,
            RelayRatio = total == 0 ? null : (double)pairs.BytesRelayed / total,
            TimeToConnectedMs = states.ConnectedAt is { } c && states.CheckingAt is { } k ? (long)Math.Max(0, (c - k).TotalMilliseconds) : null,
            IceRestarts = facts.IceRestarts,
            Category = category,
            Evidence = evidence.Lines,
            Fix = fix,
            StartedAt = states.Start,
            ReceivedAt = facts.FirstReceivedAt,
            PairSwitches = pairs.Switches,
            TimeFromCreationToConnectedMs = states.ConnectedAt is { } connected && states.Start is { } created
                ? (long)Math.Max(0, (connected - created).TotalMilliseconds) : null,
            TurnUrls = servers.Turn.Select(u => u.Text).ToList(),
            TurnErrors = servers.TurnErrors.GroupBy(e => e.Url!, StringComparer.Ordinal)
                .Select(g => new TurnUrlErrors(g.Key, g.Count(e => e.ErrorCode == 401), g.Count(e => e.ErrorCode != 401))).ToList(),
            Timeline = TimelineSteps.Of(facts, states.Start),
            Recoveries = states.Recoveries.Count,
            ClientId = facts.ClientId,
            UserAgent = facts.UserAgent,
        };
    }

    private static string Outcome(PeerConnectionFacts facts, ConnectionStates states, CertainFailure? certain, TimeSpan stallDeadline, DateTimeOffset? now, Evidence evidence)
    {
        if (states.ConnectedAt is not null) return Outcomes.Connected;
        // Said even when the browser or the app ended it later: it tells when the failure was already sure.
        if (certain is not null) evidence.Add($"{certain.Fact}{evidence.At(certain.At)}: {CertainFailure.Consequence}");
        if (states.FailedAt is { } failedAt)
        {
            evidence.Add($"ICE failed{evidence.At(failedAt)} without ever connecting");
            return Outcomes.Failed;
        }
        if (facts.ClosedAt is { } closedAt)
        {
            evidence.Add($"closed{evidence.At(closedAt)} before ICE connected");
            return Outcomes.Failed;
        }
        if (certain is not null) return Outcomes.Failed;
        var observed = ObservedSpan(facts, now);
        if (observed >= stallDeadline)
        {
            evidence.Add($"not connected after {Evidence.Seconds(observed)} (stall deadline {Evidence.Seconds(stallDeadline)}); last ICE state {LastIceState(facts)}");
            return Outcomes.Failed;
        }
        return Outcomes.Pending;
    }

    /// <summary>How long the peer connection has been watched: its recording's own span, or server time since first seen.</summary>
    public static TimeSpan ObservedSpan(PeerConnectionFacts facts, DateTimeOffset? now)
    {
        var start = ConnectionStates.Earliest(facts.CreatedAt, facts.FirstEventAt);
        var recorded = start is not null && facts.LastEventAt is not null ? facts.LastEventAt.Value - start.Value : TimeSpan.Zero;
        var live = now is not null && facts.FirstReceivedAt is not null ? now.Value - facts.FirstReceivedAt.Value : TimeSpan.Zero;
        return recorded > live ? recorded : live;
    }

    private static string LastIceState(PeerConnectionFacts facts) =>
        facts.States.LastOrDefault(s => s.Kind == Events.StateKind.Ice)?.State ?? "new";
}
