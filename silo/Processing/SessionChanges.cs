using IceWatch.Grains.Alerting;
using IceWatch.Grains.Regions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Silo;

/// <summary>Everything one processing transaction writes for a claimed session.</summary>
internal sealed record SessionChanges(
    string StateJson,
    IReadOnlyList<Verdict> ChangedVerdicts,
    IReadOnlyList<RegionCounterDelta> RegionDeltas,
    IReadOnlyList<TurnCounterDelta> TurnDeltas,
    IReadOnlyList<ClientMinuteDelta> ClientDeltas,
    IReadOnlyList<UploadOutcome> Uploads,
    DateTimeOffset? NextDeadline,
    MetricChanges Metrics);
