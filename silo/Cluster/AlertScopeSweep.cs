using IceWatch.Grains.Alerting;
using IceWatch.Grains.Cluster;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Runtime;

namespace IceWatch.Silo;

/// <summary>
/// Keeps every region and TURN URL with counts in the last hour, and every one still firing, active,
/// so its grain evaluates (and can resolve) even when no new verdict arrives, after a silo died.
/// </summary>
public sealed class AlertScopeSweep(NpgsqlDataSource dataSource, DatabaseReadiness readiness, ISiloStatusOracle silo, IGrainFactory grains, ILogger<AlertScopeSweep> logger)
    : ClusterSweep(dataSource, readiness, silo, logger)
{
    protected override long LockKey => 0x1CE_3A7C_5003;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

    protected override async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand("""
            SELECT DISTINCT tenant_id, 'region', region FROM region_minutes WHERE minute >= date_trunc('minute', now() - interval '1 hour')
            UNION SELECT DISTINCT tenant_id, 'turn_url', turn_url FROM turn_minutes WHERE minute >= date_trunc('minute', now() - interval '1 hour')
            UNION SELECT tenant_id, scope_kind, scope_value FROM alert_states WHERE incident_id IS NOT NULL
            """);
        var scopes = new List<(Guid Tenant, string Kind, string Value)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) scopes.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        return await CallAllAsync(scopes, 32, TimeSpan.FromSeconds(10), (s, token) => s.Kind == IncidentScope.RegionKind
            ? grains.GetGrain<IRegionGrain>(s.Tenant, s.Value).WakeAsync(token)
            : grains.GetGrain<ITurnServerGrain>(s.Tenant, s.Value).WakeAsync(token), ct);
    }
}
