using IceWatch.Grains.Alerting;
using IceWatch.Grains.Regions;

namespace IceWatch.Grains.Cluster;

/// <summary>One region of one tenant (key extension: the region): its sliding window, its paging decision, its recent stats.</summary>
public interface IRegionGrain : IGrainWithGuidCompoundKey
{
    Task AddAsync(CommittedDeltas<RegionCounterDelta> deltas, CancellationToken cancellationToken = default);

    /// <summary>Adds committed client minute deltas: what the paging rule counts.</summary>
    Task AddClientsAsync(CommittedDeltas<ClientMinuteDelta> deltas, CancellationToken cancellationToken = default);

    /// <summary>The region's counts over a window ending now (at most <see cref="AlertScopeOptions.MinimumSpan"/>); null for a region the tenant never had.</summary>
    Task<RegionStats?> GetStatsAsync(TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Activates the grain so it keeps evaluating (after a silo died, or for a region still firing).</summary>
    Task WakeAsync(CancellationToken cancellationToken = default);
}
