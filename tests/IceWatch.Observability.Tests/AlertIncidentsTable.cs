using Npgsql;

namespace IceWatch.Observability.Tests;

/// <summary>
/// Incidents in the shape the alert evaluator writes them (categories by name, the top causes with
/// their fix, the worst sessions), for the alert panels and the UI's alert list. The seeded
/// traffic is too small to page on its own (the volume guard), so they are inserted.
/// </summary>
internal static class AlertIncidentsTable
{
    public const string TurnUrl = "turn:10.201.0.1:3478?transport=udp";
    public const string Fix = "Check the TURN username and credential your app hands to clients against the TURN server's user database or shared secret.";

    /// <summary>A firing incident for eu-west (as the seeded failures would raise) and one resolved for us-east.</summary>
    public static async Task<Guid> SeedAsync(NpgsqlDataSource dataSource, Guid tenantId, string publicUrl, CancellationToken ct)
    {
        var firing = Guid.NewGuid();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO alert_incidents (id, updated_at, tenant_id, scope_kind, scope_value, rule, status, started_at, ended_at,
                                         peak_rate, current_rate, peer_connections, failed, threshold, categories, causes, worst_sessions, title, summary)
            VALUES ($2, now(), $1, 'region', 'eu-west', 'ice-failure-rate', 'firing', now() - interval '3 minutes', NULL, 0.3333, 0.3333, 6, 2, 0.01,
                    '{"turn_auth_failed": 2}', $3::jsonb, $4::jsonb,
                    'ICE failure rate 33.33% in region eu-west (threshold 1%)', '2 of 6 peer connections failed ICE in 5 min (33.33%, threshold 1%) in region eu-west.'),
                   (gen_random_uuid(), now(), $1, 'region', 'us-east', 'ice-failure-rate', 'resolved', now() - interval '40 minutes', now() - interval '20 minutes',
                    0.05, 0, 40, 2, 0.01, '{"turn_unreachable": 2}', '[]', '[]', 'ICE failure rate 5% in region us-east (threshold 1%)', 'resolved')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = firing });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = $$"""[{"category": "turn_auth_failed", "failed": 2, "share": 1, "turnUrl": "{{TurnUrl}}", "fix": "{{Fix}}"}]""",
        });
        command.Parameters.Add(new NpgsqlParameter { Value = $$"""[{"sessionId": "eu-401", "failed": 2, "url": "{{publicUrl}}/v1/sessions/eu-401"}]""" });
        await command.ExecuteNonQueryAsync(ct);
        return firing;
    }
}
