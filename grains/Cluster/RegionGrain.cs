using IceWatch.Grains.Alerting;
using IceWatch.Grains.Regions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegionRollup = IceWatch.Grains.Regions.RegionGrain;

namespace IceWatch.Grains.Cluster;

/// <summary>A region of a tenant: its window of region minutes, its paging decision, and the stats of recent windows from memory.</summary>
public sealed class RegionGrain(IAlertScopeStore store, IOptions<AlertScopeOptions> options, TimeProvider clock, ILogger<RegionGrain> logger)
    : AlertScopeGrain<RegionBucketKey, RegionCounterDelta>(store, options, clock, logger), IRegionGrain
{
    public Task AddAsync(CommittedDeltas<RegionCounterDelta> deltas, CancellationToken cancellationToken = default) => AddCommittedAsync(deltas);

    public Task AddClientsAsync(CommittedDeltas<ClientMinuteDelta> deltas, CancellationToken cancellationToken = default) => AddCommittedClientsAsync(deltas);

    public async Task<RegionStats?> GetStatsAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        if (window <= TimeSpan.Zero || window > Span) throw new ArgumentOutOfRangeException(nameof(window), $"A region grain holds at most {Span}.");
        if (!Known) await RebuildAsync(cancellationToken);
        if (!Known) return null;
        var to = Clock.GetUtcNow();
        var first = AlertWindows.FirstMinute(window, to);
        return RegionRollup.Summarize(Scope.Value, WindowText.Format(window), to - window, to,
            Buckets.Where(b => b.Key.Minute >= first && b.Key.Minute <= to));
    }

    protected override IncidentScope ScopeOf(string keyExtension) => IncidentScope.Region(keyExtension);

    protected override MinuteWindow<RegionBucketKey, RegionCounterDelta> NewWindow() => new(d => d.Key, k => k.Minute, (a, b) => a with
    {
        PeerConnections = a.PeerConnections + b.PeerConnections,
        BytesRelayed = a.BytesRelayed + b.BytesRelayed,
        BytesDirect = a.BytesDirect + b.BytesDirect,
    });

    protected override Task<WindowLoad<RegionCounterDelta>> LoadAsync(DateTimeOffset fromMinute, CancellationToken ct) =>
        Store.LoadRegionAsync(TenantId, Scope.Value, fromMinute, ct);
}
