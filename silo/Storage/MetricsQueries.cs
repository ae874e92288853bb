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
        var rates = new List<RegionFailureRate>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                rates.Add(new RegionFailureRate(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3)));
        var clients = await ClientsAsync(window, ct);
        return rates.Select(r => clients.TryGetValue((r.Tenant, r.Region), out var c) ? r with { Clients = c.Clients, FailedClients = c.Failed } : r).ToList();
    }

    /// <summary>The paging rule's counts per region (AlertWindows.Count in SQL): clients, and clients that saw ICE fail.</summary>
    private async Task<Dictionary<(string, string), (long Clients, long Failed)>> ClientsAsync(TimeSpan window, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT t.name, m.scope_value, count(DISTINCT m.client),
                   count(DISTINCT m.client) FILTER (WHERE m.outcome = 'failed' AND m.category NOT IN ('connection_lost', 'dtls_failed'))
            FROM client_minutes m JOIN tenants t ON t.id = m.tenant_id
            WHERE m.scope_kind = 'region' AND m.minute >= date_trunc('minute', now() - $1::interval)
              AND m.peer_connections > 0 AND m.outcome IN ('connected', 'failed')
            GROUP BY t.name, m.scope_value
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var clients = new Dictionary<(string, string), (long, long)>();
        while (await reader.ReadAsync(ct)) clients[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), reader.GetInt64(3));
        return clients;
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
