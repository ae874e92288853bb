using IceWatch.Grains.Sessions;

namespace IceWatch.Grains.Cluster;

/// <summary>The exported counters a committed session step moves.</summary>
public interface ISessionMetrics
{
    void UploadsProcessed(IReadOnlyList<UploadOutcome> uploads);

    Task StepCommittedAsync(Guid tenantId, string region, MetricChanges changes, CancellationToken ct);
}
