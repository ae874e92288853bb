using System.Collections.Concurrent;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>What the exported gauges read: windowed failure rates per region, the inbox backlog, tenant names.</summary>
public sealed class MetricsQueries(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<Guid, string> _tenantNames = new();

    /// <summary>Every region with final peer connections in the minute buckets of the window ending now.</summary>
    public async Task<IReadOnlyList<RegionFailureRate>> FailureRatesAsync(TimeSpan window, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT t.name, m.region, sum(m.peer_connections)::bigint,
                   (sum(m.peer_connections) FILTER (
                        WHERE m.outcome = 'failed' AND m.category NOT IN ('connection_lost', 'dtls_failed')))::bigint
            FROM region_minutes m JOIN tenants t ON t.id = m.tenant_id
            WHERE m.minute >= date_trunc('minute', now() - $1::interval)
            GROUP BY t.name, m.region
            HAVING sum(m.peer_connections) > 0
            ORDER BY t.name, m.region
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rates = new List<RegionFailureRate>();
        while (await reader.ReadAsync(ct))
            rates.Add(new RegionFailureRate(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3)));
        return rates;
    }

    public async Task<long> BacklogAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM uploads WHERE processed_at IS NULL");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>A tenant's name, cached: names never change.</summary>
    public async Task<string> TenantNameAsync(Guid tenantId, CancellationToken ct)
    {
        if (_tenantNames.TryGetValue(tenantId, out var known)) return known;
        await using var command = dataSource.CreateCommand("SELECT name FROM tenants WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var name = (string?)await command.ExecuteScalarAsync(ct) ?? tenantId.ToString();
        return _tenantNames[tenantId] = name;
    }
}
