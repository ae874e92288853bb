using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Classification;

/// <summary>
/// When a peer connection started, connected and failed, read from its state changes. A failure
/// after connecting that a later connected state undid (an ICE restart) is a recovery, not a loss.
/// </summary>
public sealed record ConnectionStates(
    DateTimeOffset? Start,
    DateTimeOffset? CheckingAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? FailedAfterConnectAt,
    bool DtlsFailed,
    IReadOnlyList<Recovery> Recoveries)
{
    private static readonly HashSet<string> IceDown = ["failed", "disconnected", "closed"];

    public static ConnectionStates Of(PeerConnectionFacts facts)
    {
        var start = Earliest(facts.CreatedAt, facts.FirstEventAt) ?? facts.FirstReceivedAt;
        var checking = First(facts, s => s.Kind == StateKind.Ice && s.State == "checking");
        var connected = First(facts, IsConnected) ?? ConnectedByStats(facts);
        var failed = First(facts, IsFailed);
        var (lostAt, recoveries) = Losses(facts, connected);
        var dtlsFailed = DtlsFailedWhileIceUp(facts) ||
            (facts.States.Any(s => s.Kind == StateKind.Connection && s.State == "failed") &&
             !facts.States.Any(s => s.Kind == StateKind.Ice && s.State is "failed" or "disconnected") &&
             facts.States.Any(s => s.Kind == StateKind.Ice && s.State is "connected" or "completed"));
        var firstGathered = facts.LocalCandidatesGathered > 0 ? facts.FirstEventAt : null;
        return new ConnectionStates(start, checking ?? firstGathered ?? start, connected, failed, lostAt, dtlsFailed, recoveries);
    }

    public static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    // Walks the ICE and connection states after the first connect: a failed state opens a loss,
    // the next connected state closes it as a recovery. The loss still open at the end is the lost connection.
    private static (DateTimeOffset? LostAt, IReadOnlyList<Recovery> Recoveries) Losses(PeerConnectionFacts facts, DateTimeOffset? connected)
    {
        if (connected is null) return (null, []);
        var recoveries = new List<Recovery>();
        DateTimeOffset? lostAt = null;
        foreach (var s in facts.States.Where(s => s.Time >= connected && s.Kind is StateKind.Ice or StateKind.Connection))
        {
            if (IsFailed(s)) lostAt ??= s.Time;
            else if (IsConnected(s) && lostAt is { } l)
            {
                recoveries.Add(new Recovery(l, s.Time));
                lostAt = null;
            }
        }
        return (lostAt, recoveries);
    }

    // Firefox sets transport.dtlsState to failed once ICE has failed, DTLS never having started or
    // not: only a DTLS failure while ICE was still up is one.
    private static bool DtlsFailedWhileIceUp(PeerConnectionFacts facts)
    {
        if (facts.DtlsFailedAt is not { } at)
            return facts.DtlsState == "failed" && !facts.States.Any(s => s.Kind == StateKind.Ice && IceDown.Contains(s.State));
        if (facts.IceStateWhenDtlsFailed is { } ice && IceDown.Contains(ice)) return false;
        var iceThen = facts.States.LastOrDefault(s => s.Kind == StateKind.Ice && s.Time <= at);
        return iceThen is null || !IceDown.Contains(iceThen.State);
    }

    private static bool IsConnected(StateChange s) =>
        (s.Kind == StateKind.Ice && s.State is "connected" or "completed") ||
        (s.Kind == StateKind.Connection && s.State == "connected");

    private static bool IsFailed(StateChange s) =>
        s.Kind is StateKind.Ice or StateKind.Connection && s.State == "failed";

    private static DateTimeOffset? First(PeerConnectionFacts facts, Func<StateChange, bool> predicate) =>
        facts.States.FirstOrDefault(predicate)?.Time;

    // Some inputs carry no state events (stats-only uploads): a selected, succeeded pair proves ICE connected.
    private static DateTimeOffset? ConnectedByStats(PeerConnectionFacts facts)
    {
        var selectedIds = facts.SelectedPairs.Select(s => s.PairId).ToHashSet();
        return facts.Pairs.Values
            .Where(p => p.FirstSucceededAt is not null && (p.Selected || selectedIds.Contains(p.Id)))
            .Min(p => p.FirstSucceededAt);
    }
}
