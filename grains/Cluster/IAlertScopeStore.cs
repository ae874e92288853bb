using IceWatch.Grains.Alerting;
using IceWatch.Grains.Regions;

namespace IceWatch.Grains.Cluster;

/// <summary>What region and TURN grains read and record: minute tables, rules, and the alert state with its incident and notifications.</summary>
public interface IAlertScopeStore
{
    Task<WindowLoad<RegionCounterDelta>> LoadRegionAsync(Guid tenantId, string region, DateTimeOffset fromMinute, CancellationToken ct);

    Task<WindowLoad<TurnCounterDelta>> LoadTurnUrlAsync(Guid tenantId, string turnUrl, DateTimeOffset fromMinute, CancellationToken ct);

    /// <summary>The scope's client minute rows (what the paging rule counts), read like the minute tables under a snapshot.</summary>
    Task<WindowLoad<ClientMinuteDelta>> LoadClientsAsync(Guid tenantId, IncidentScope scope, DateTimeOffset fromMinute, CancellationToken ct);

    Task<AlertRule> RuleAsync(Guid tenantId, IncidentScope scope, CancellationToken ct);

    Task<AlertScopeRow> StateAsync(Guid tenantId, IncidentScope scope, string rule, CancellationToken ct);

    /// <summary>
    /// Records a decision (state, incident, queued notifications) in one transaction conditioned on
    /// <paramref name="row"/>'s version; null when another writer changed the row first.
    /// </summary>
    Task<AlertScopeRow?> RecordAsync(Guid tenantId, IncidentScope scope, AlertRule rule, AlertScopeRow row, AlertDecision decision,
        IReadOnlyList<WindowCounts> windows, DateTimeOffset now, CancellationToken ct);
}
