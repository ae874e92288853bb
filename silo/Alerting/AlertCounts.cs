using IceWatch.Grains.Alerting;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>What an evaluation reads: the minute counters of a region or TURN URL, and for a page the failed peer connections behind them.</summary>
internal static class AlertCounts
{
    /// <summary>For each TURN category, the TURN URL most of its failures in the window named (the one that answered with an error first).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CauseTurnUrlsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertScopeKey scope, DateTimeOffset from, CancellationToken ct)
    {
        if (scope.ScopeKind == IncidentScope.TurnUrlKind) return new Dictionary<string, string>();
        await using var command = new NpgsqlCommand($"""
            SELECT v.category, coalesce(v.verdict->'turnErrors'->0->>'url', v.verdict->'turnUrls'->>0) AS url, count(*) AS n
            FROM verdicts v JOIN sessions s ON s.tenant_id = v.tenant_id AND s.session_id = v.session_id
            WHERE {FailedInScope} AND v.category LIKE 'turn\_%'
            GROUP BY 1, 2 ORDER BY n DESC, url
            """, connection, transaction);
        Bind(command, scope, from);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var urls = new Dictionary<string, string>();
        while (await reader.ReadAsync(ct))
            if (!reader.IsDBNull(1)) urls.TryAdd(reader.GetString(0), reader.GetString(1));
        return urls;
    }

    public static async Task<IReadOnlyList<(string SessionId, long Failed)>> WorstSessionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertScopeKey scope, DateTimeOffset from, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT v.session_id, count(*) AS failed
            FROM verdicts v JOIN sessions s ON s.tenant_id = v.tenant_id AND s.session_id = v.session_id
            WHERE {FailedInScope}
            GROUP BY v.session_id ORDER BY failed DESC, max(v.updated_at) DESC LIMIT 5
            """, connection, transaction);
        Bind(command, scope, from);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<(string, long)>();
        while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetInt64(1)));
        return list;
    }

    private const string FailedInScope = """
        v.tenant_id = $1 AND v.outcome = 'failed' AND v.updated_at >= $3
          AND coalesce(v.category, '') NOT IN ('connection_lost', 'dtls_failed')
          AND CASE WHEN $4 THEN s.region = $2 ELSE v.verdict->'turnUrls' @> jsonb_build_array($2::text) END
        """;

    private static void Bind(NpgsqlCommand command, AlertScopeKey scope, DateTimeOffset from)
    {
        command.Parameters.Add(new() { Value = scope.TenantId });
        command.Parameters.Add(new() { Value = scope.ScopeValue });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = scope.ScopeKind == IncidentScope.RegionKind });
    }
}
