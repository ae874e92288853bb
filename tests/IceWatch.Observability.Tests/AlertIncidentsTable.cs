using Npgsql;

namespace IceWatch.Observability.Tests;

/// <summary>
/// Incidents in the shape the alert evaluator writes them, for the alert panels and the UI's alert
/// list. The seeded traffic is too small to page on its own (the volume guard), so they are inserted.
/// </summary>
internal static class AlertIncidentsTable
{
    /// <summary>A firing incident for eu-west (as the seeded failures would raise) and one resolved for us-east.</summary>
    public static async Task SeedAsync(NpgsqlDataSource dataSource, Guid tenantId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO alert_incidents (id, updated_at, tenant_id, scope_kind, scope_value, rule, status, started_at, ended_at,
                                         peak_rate, peer_connections, failed, threshold, categories, title, summary)
            VALUES (gen_random_uuid(), now(), $1, 'region', 'eu-west', 'burn_rate_5m', 'firing', now() - interval '3 minutes', NULL, 0.3333, 6, 2, 0.01,
                    '[{"category": "turn_auth_failed", "count": 2}]', 'ICE failure rate 33.3% in eu-west (threshold 1%)', 'turn_auth_failed: 2 of 2 failures'),
                   (gen_random_uuid(), now(), $1, 'region', 'us-east', 'burn_rate_5m', 'resolved', now() - interval '40 minutes', now() - interval '20 minutes', 0.05, 40, 2, 0.01,
                    '[]', 'ICE failure rate 5% in us-east (threshold 1%)', 'resolved')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await command.ExecuteNonQueryAsync(ct);
    }
}
