using Npgsql;

namespace IceWatch.Observability.Tests;

/// <summary>
/// Alerting owns alert_incidents; until its migration is in this branch the test database gets the
/// table here, in the shape alerting writes, so the alert panels and the UI's alert list are tested.
/// </summary>
internal static class AlertIncidentsTable
{
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            CREATE TABLE IF NOT EXISTS alert_incidents (
                id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                tenant_id        uuid NOT NULL REFERENCES tenants (id),
                scope_kind       text NOT NULL CHECK (scope_kind IN ('region', 'turn_url')),
                scope_value      text NOT NULL,
                rule             text NOT NULL,
                status           text NOT NULL CHECK (status IN ('firing', 'resolved')),
                started_at       timestamptz NOT NULL,
                ended_at         timestamptz,
                peak_rate        double precision NOT NULL,
                peer_connections bigint NOT NULL,
                failed           bigint NOT NULL,
                threshold        double precision NOT NULL,
                categories       jsonb NOT NULL DEFAULT '[]',
                title            text NOT NULL,
                summary          text NOT NULL DEFAULT '',
                updated_at       timestamptz NOT NULL DEFAULT now()
            )
            """);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A firing incident for eu-west (as the seeded failures would raise) and one resolved for us-east.</summary>
    public static async Task SeedAsync(NpgsqlDataSource dataSource, Guid tenantId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO alert_incidents (tenant_id, scope_kind, scope_value, rule, status, started_at, ended_at,
                                         peak_rate, peer_connections, failed, threshold, categories, title, summary)
            VALUES ($1, 'region', 'eu-west', 'burn_rate_5m', 'firing', now() - interval '3 minutes', NULL, 0.3333, 6, 2, 0.01,
                    '[{"category": "turn_auth_failed", "count": 2}]', 'ICE failure rate 33.3% in eu-west (threshold 1%)', 'turn_auth_failed: 2 of 2 failures'),
                   ($1, 'region', 'us-east', 'burn_rate_5m', 'resolved', now() - interval '40 minutes', now() - interval '20 minutes', 0.05, 40, 2, 0.01,
                    '[]', 'ICE failure rate 5% in us-east (threshold 1%)', 'resolved')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await command.ExecuteNonQueryAsync(ct);
    }
}
