using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Classification;

/// <summary>When a peer connection started, connected and failed, read from its state changes.</summary>
public sealed record ConnectionStates(
    DateTimeOffset? Start,
    DateTimeOffset? CheckingAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? FailedAfterConnectAt,
    bool DtlsFailed)
{
    public static ConnectionStates Of(PeerConnectionFacts facts)
    {
        var start = Earliest(facts.CreatedAt, facts.FirstEventAt) ?? facts.FirstReceivedAt;
        var checking = First(facts, s => s.Kind == StateKind.Ice && s.State == "checking");
        var connected = First(facts, IsConnected) ?? ConnectedByStats(facts);
        var failed = First(facts, IsFailed);
        var failedAfter = connected is null ? null : First(facts, s => IsFailed(s) && s.Time >= connected);
        var dtlsFailed = facts.DtlsState == "failed" ||
            (facts.States.Any(s => s.Kind == StateKind.Connection && s.State == "failed") &&
             !facts.States.Any(s => s.Kind == StateKind.Ice && s.State is "failed" or "disconnected") &&
             facts.States.Any(s => s.Kind == StateKind.Ice && s.State is "connected" or "completed"));
        var firstGathered = facts.LocalCandidatesGathered > 0 ? facts.FirstEventAt : null;
        return new ConnectionStates(start, checking ?? firstGathered ?? start, connected, failed, failedAfter, dtlsFailed);
    }

    public static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

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
