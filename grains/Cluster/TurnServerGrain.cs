using IceWatch.Grains.Alerting;
using IceWatch.Grains.Regions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IceWatch.Grains.Cluster;

/// <summary>A TURN URL of a tenant, across its regions: the window of TURN minutes and the per-TURN-URL paging decision.</summary>
public sealed class TurnServerGrain(IAlertScopeStore store, IOptions<AlertScopeOptions> options, TimeProvider clock, ILogger<TurnServerGrain> logger)
    : AlertScopeGrain<TurnBucketKey, TurnCounterDelta>(store, options, clock, logger), ITurnServerGrain
{
    public Task AddAsync(CommittedDeltas<TurnCounterDelta> deltas, CancellationToken cancellationToken = default) => AddCommittedAsync(deltas);

    public Task AddClientsAsync(CommittedDeltas<ClientMinuteDelta> deltas, CancellationToken cancellationToken = default) => AddCommittedClientsAsync(deltas);

    protected override IncidentScope ScopeOf(string keyExtension) => IncidentScope.TurnUrl(keyExtension);

    protected override MinuteWindow<TurnBucketKey, TurnCounterDelta> NewWindow() => new(d => d.Key, k => k.Minute, (a, b) => a.Plus(b));

    protected override Task<WindowLoad<TurnCounterDelta>> LoadAsync(DateTimeOffset fromMinute, CancellationToken ct) =>
        Store.LoadTurnUrlAsync(TenantId, Scope.Value, fromMinute, ct);
}
