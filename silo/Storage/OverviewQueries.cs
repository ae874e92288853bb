using Npgsql;

namespace IceWatch.Silo;

/// <summary>What the built-in overview page reads: per-region buckets and the worst sessions (alerts come from <see cref="AlertIncidentQueries"/>).</summary>
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
}
