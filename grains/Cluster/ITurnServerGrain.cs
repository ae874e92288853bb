using IceWatch.Grains.Alerting;
using IceWatch.Grains.Regions;

namespace IceWatch.Grains.Cluster;

/// <summary>One TURN URL of one tenant (key extension: the URL), across regions: its window and its paging decision.</summary>
public interface ITurnServerGrain : IGrainWithGuidCompoundKey
{
    Task AddAsync(CommittedDeltas<TurnCounterDelta> deltas, CancellationToken cancellationToken = default);

    /// <summary>Adds committed client minute deltas: what the paging rule counts.</summary>
    Task AddClientsAsync(CommittedDeltas<ClientMinuteDelta> deltas, CancellationToken cancellationToken = default);

    Task WakeAsync(CancellationToken cancellationToken = default);
}
