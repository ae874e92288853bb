using IceWatch.Grains.Alerting;
using IceWatch.Grains.Cluster;
using IceWatch.Grains.Regions;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>The region and TURN grains' storage: their minute rows read under a snapshot, their rules, their alert state and decisions.</summary>
internal sealed class AlertScopeStore(NpgsqlDataSource dataSource, ScopeDecisions decisions) : IAlertScopeStore
{
    public Task<WindowLoad<RegionCounterDelta>> LoadRegionAsync(Guid tenantId, string region, DateTimeOffset fromMinute, CancellationToken ct) =>
        LoadAsync(tenantId, region, fromMinute, """
            SELECT EXISTS (SELECT 1 FROM sessions WHERE tenant_id = $1 AND region = $2)
                OR EXISTS (SELECT 1 FROM region_minutes WHERE tenant_id = $1 AND region = $2)
            """, """
            SELECT minute, outcome, category, local_type, remote_type, relay_protocol, peer_connections, bytes_relayed, bytes_direct
            FROM region_minutes WHERE tenant_id = $1 AND region = $2 AND minute >= $3
            """, r => new RegionCounterDelta(
                new RegionBucketKey(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
                r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)), ct);

    public Task<WindowLoad<TurnCounterDelta>> LoadTurnUrlAsync(Guid tenantId, string turnUrl, DateTimeOffset fromMinute, CancellationToken ct) =>
        LoadAsync(tenantId, KeyText.Cap(turnUrl, KeyText.MaxUrlBytes), fromMinute, """
            SELECT EXISTS (SELECT 1 FROM turn_minutes WHERE tenant_id = $1 AND turn_url = $2)
            """, """
            SELECT minute, outcome, category, sum(peer_connections)::bigint, sum(relayed_via)::bigint, sum(bytes_relayed)::bigint,
                   sum(auth_errors)::bigint, sum(unreachable_errors)::bigint
            FROM turn_minutes WHERE tenant_id = $1 AND turn_url = $2 AND minute >= $3
            GROUP BY minute, outcome, category
            """, r => new TurnCounterDelta(
                new TurnBucketKey(r.GetFieldValue<DateTimeOffset>(0), turnUrl, r.GetString(1), r.GetString(2)),
                r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)), ct);

    public Task<WindowLoad<ClientMinuteDelta>> LoadClientsAsync(Guid tenantId, IncidentScope scope, DateTimeOffset fromMinute, CancellationToken ct) =>
        LoadAsync(tenantId, KeyText.Cap(scope.Value, KeyText.MaxUrlBytes), fromMinute, "SELECT $1::uuid IS NOT NULL AND $2::text IS NOT NULL", $"""
            SELECT minute, client, outcome, category, peer_connections
            FROM client_minutes WHERE tenant_id = $1 AND scope_kind = '{(scope.Kind == IncidentScope.RegionKind ? "region" : "turn_url")}' AND scope_value = $2
              AND minute >= $3 AND peer_connections <> 0
            """, r => new ClientMinuteDelta(
                new ClientMinuteKey(scope.Kind, scope.Value, r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3)), r.GetInt64(4)), ct);

    public async Task<AlertRule> RuleAsync(Guid tenantId, IncidentScope scope, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await AlertRuleStore.ResolveAsync(connection, null, tenantId, scope.Kind, scope.Value, ct);
    }

    public Task<AlertScopeRow> StateAsync(Guid tenantId, IncidentScope scope, string rule, CancellationToken ct) =>
        AlertStateRows.GetAsync(dataSource, Key(tenantId, scope), rule, ct);

    public Task<AlertScopeRow?> RecordAsync(Guid tenantId, IncidentScope scope, AlertRule rule, AlertScopeRow row, AlertDecision decision,
        IReadOnlyList<WindowCounts> windows, DateTimeOffset now, CancellationToken ct) =>
        decisions.RecordAsync(Key(tenantId, scope), rule, row, decision, windows, now, ct);

    private static AlertScopeKey Key(Guid tenantId, IncidentScope scope) => new(tenantId, scope.Kind, scope.Value);

    /// <summary>
    /// The snapshot, the existence check and the rows in one repeatable-read transaction, so the
    /// snapshot names exactly the transactions whose deltas the rows contain.
    /// </summary>
    private async Task<WindowLoad<T>> LoadAsync<T>(Guid tenantId, string scope, DateTimeOffset fromMinute, string exists, string rows,
        Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var batch = new NpgsqlBatch(connection, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_current_snapshot()::text"),
                new NpgsqlBatchCommand(exists) { Parameters = { new() { Value = tenantId }, new() { Value = scope } } },
                new NpgsqlBatchCommand(rows) { Parameters = { new() { Value = tenantId }, new() { Value = scope }, new() { Value = fromMinute } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var snapshot = reader.GetString(0);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var known = reader.GetBoolean(0);
        await reader.NextResultAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct)) list.Add(read(reader));
        return new WindowLoad<T>(snapshot, known, list);
    }
}
