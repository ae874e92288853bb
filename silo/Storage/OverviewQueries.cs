using Npgsql;

namespace IceWatch.Silo;

/// <summary>What the built-in overview page reads: per-region buckets, the worst sessions and the alerts.</summary>
public sealed class OverviewQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<RegionBucket>> RegionBucketsAsync(Guid tenantId, DateTimeOffset from, TimeSpan bucket, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT region, date_bin($3::interval, minute, timestamptz '2000-01-01') AS bucket,
                   sum(peer_connections)::bigint,
                   coalesce(sum(peer_connections) FILTER (WHERE outcome = 'failed' AND category NOT IN ('connection_lost', 'dtls_failed')), 0)::bigint,
                   coalesce(sum(peer_connections) FILTER (WHERE outcome = 'connected'), 0)::bigint,
                   coalesce(sum(peer_connections) FILTER (WHERE outcome = 'connected' AND 'relay' IN (local_type, remote_type)), 0)::bigint,
                   sum(bytes_relayed)::bigint, sum(bytes_direct)::bigint
            FROM region_minutes
            WHERE tenant_id = $1 AND minute >= $2
            GROUP BY region, bucket
            ORDER BY region, bucket
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = bucket });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var buckets = new List<RegionBucket>();
        while (await reader.ReadAsync(ct))
            buckets.Add(new RegionBucket(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
        return buckets;
    }

    /// <summary>Sessions updated since <paramref name="from"/>, those with the most ICE failures first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> WorstSessionsAsync(Guid tenantId, DateTimeOffset from, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.session_id, s.region, count(v.*),
                   count(v.*) FILTER (WHERE v.outcome = 'failed' AND v.category NOT IN ('connection_lost', 'dtls_failed')) AS failed,
                   mode() WITHIN GROUP (ORDER BY v.category), s.updated_at
            FROM sessions s JOIN verdicts v ON v.tenant_id = s.tenant_id AND v.session_id = s.session_id
            WHERE s.tenant_id = $1 AND s.updated_at >= $2
            GROUP BY s.session_id, s.region, s.updated_at
            ORDER BY failed DESC, s.updated_at DESC, s.session_id
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var sessions = new List<SessionSummary>();
        while (await reader.ReadAsync(ct))
            sessions.Add(new SessionSummary(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        return sessions;
    }

    /// <summary>Firing incidents and those resolved since <paramref name="from"/>; none while alerting has not created its table.</summary>
    public async Task<IReadOnlyList<AlertSummary>> AlertsAsync(Guid tenantId, DateTimeOffset from, CancellationToken ct)
    {
        await using (var exists = dataSource.CreateCommand("SELECT to_regclass('alert_incidents') IS NOT NULL"))
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!) return [];
        await using var command = dataSource.CreateCommand("""
            SELECT scope_kind, scope_value, rule, status, started_at, ended_at, peak_rate::float8, threshold::float8, title, summary
            FROM alert_incidents
            WHERE tenant_id = $1 AND (status = 'firing' OR ended_at >= $2)
            ORDER BY status = 'firing' DESC, started_at DESC
            LIMIT 50
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var alerts = new List<AlertSummary>();
        while (await reader.ReadAsync(ct))
            alerts.Add(new AlertSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetDouble(6), reader.GetDouble(7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
        return alerts;
    }
}
