using IceWatch.Grains.Cluster;
using IceWatch.Grains.Sessions;

namespace IceWatch.Silo;

/// <summary>Records what committed session steps add to the exported counters, labelled with the tenant's name.</summary>
public sealed class SessionMetrics(IceWatchMetrics metrics, MetricsQueries queries, TimeProvider clock) : ISessionMetrics
{
    public void UploadsProcessed(IReadOnlyList<UploadOutcome> uploads)
    {
        var now = clock.GetUtcNow();
        foreach (var upload in uploads) metrics.UploadProcessed(now - upload.ReceivedAt);
    }

    public async Task StepCommittedAsync(Guid tenantId, string region, MetricChanges changes, CancellationToken ct)
    {
        if (changes.NewlyFinal.Count == 0 && changes.BytesRelayedGrowth == 0 && changes.BytesDirectGrowth == 0) return;
        metrics.Processed(await queries.TenantNameAsync(tenantId, ct), region, changes);
    }
}
