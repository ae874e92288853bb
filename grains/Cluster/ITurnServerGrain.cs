using IceWatch.Grains.Regions;

namespace IceWatch.Grains.Cluster;

/// <summary>One TURN URL of one tenant (key extension: the URL), across regions: its window and its paging decision.</summary>
public interface ITurnServerGrain : IGrainWithGuidCompoundKey
{
    Task AddAsync(CommittedDeltas<TurnCounterDelta> deltas, CancellationToken cancellationToken = default);

    Task WakeAsync(CancellationToken cancellationToken = default);
}
