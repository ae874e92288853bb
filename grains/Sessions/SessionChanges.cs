using IceWatch.Grains.Alerting;
using IceWatch.Grains.Regions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Sessions;

/// <summary>
/// Everything one session step writes: the state snapshot, the verdicts that changed, the region and
/// TURN counter deltas they cause, the client minute deltas the paging rule counts, the next stall
/// deadline, and the counters to export once committed.
/// </summary>
public sealed record SessionChanges(
    string StateJson,
    IReadOnlyList<Verdict> ChangedVerdicts,
    IReadOnlyList<RegionCounterDelta> RegionDeltas,
    IReadOnlyList<TurnCounterDelta> TurnDeltas,
    DateTimeOffset? NextDeadline,
    MetricChanges Metrics)
{
    public IReadOnlyList<ClientMinuteDelta> ClientDeltas { get; init; } = [];
}
