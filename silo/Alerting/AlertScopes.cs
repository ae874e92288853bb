using Npgsql;

namespace IceWatch.Silo;

/// <summary>The scopes worth evaluating: every region and TURN URL with recent counts, and every one still firing.</summary>
internal static class AlertScopes
{
    public static async Task<IReadOnlyList<AlertScopeKey>> ListAsync(NpgsqlDataSource dataSource, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT tenant_id, 'region', region FROM region_minutes WHERE minute >= $1
            UNION SELECT DISTINCT tenant_id, 'turn_url', turn_url FROM turn_minutes WHERE minute >= $1
            UNION SELECT tenant_id, scope_kind, scope_value FROM alert_states WHERE incident_id IS NOT NULL
            """);
        command.Parameters.Add(new() { Value = since });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<AlertScopeKey>();
        while (await reader.ReadAsync(ct)) list.Add(new AlertScopeKey(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        return list;
    }
}
