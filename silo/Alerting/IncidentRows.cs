using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Alerting;
using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>Reads and writes of alert_incidents, inside the caller's transaction.</summary>
internal static class IncidentRows
{
    public const string Select = """
        SELECT i.id, i.tenant_id, t.name, i.scope_kind, i.scope_value, i.rule, i.status, i.started_at, i.ended_at, i.peak_rate,
               i.current_rate, i.peer_connections, i.failed, i.threshold, i.categories::text, i.causes::text, i.worst_sessions::text,
               i.title, i.summary, i.updated_at, i.clients, i.failed_clients
        FROM alert_incidents i JOIN tenants t ON t.id = i.tenant_id
        """;

    /// <summary>Inserts a new incident or overwrites the stored one with the same id.</summary>
    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertIncident i, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO alert_incidents (id, tenant_id, scope_kind, scope_value, rule, status, started_at, ended_at, peak_rate, current_rate,
                                         peer_connections, failed, threshold, categories, causes, worst_sessions, title, summary, updated_at,
                                         clients, failed_clients)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb, $16::jsonb, $17, $18, $19, $20, $21)
            ON CONFLICT (id) DO UPDATE SET
                status = EXCLUDED.status, ended_at = EXCLUDED.ended_at, peak_rate = EXCLUDED.peak_rate, current_rate = EXCLUDED.current_rate,
                peer_connections = EXCLUDED.peer_connections, failed = EXCLUDED.failed, threshold = EXCLUDED.threshold,
                categories = EXCLUDED.categories, causes = EXCLUDED.causes, worst_sessions = EXCLUDED.worst_sessions,
                title = EXCLUDED.title, summary = EXCLUDED.summary, updated_at = EXCLUDED.updated_at,
                clients = EXCLUDED.clients, failed_clients = EXCLUDED.failed_clients
            """, connection, transaction)
        {
            Parameters =
            {
                new() { Value = i.Id }, new() { Value = i.TenantId }, new() { Value = i.ScopeKind }, new() { Value = i.ScopeValue },
                new() { Value = i.Rule }, new() { Value = i.Status }, new() { Value = i.StartedAt },
                new() { Value = (object?)i.EndedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = i.PeakRate }, new() { Value = (object?)i.CurrentRate ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double },
                new() { Value = i.PeerConnections }, new() { Value = i.Failed }, new() { Value = i.Threshold },
                new() { Value = Json(i.Categories) }, new() { Value = Json(i.Causes) }, new() { Value = Json(i.WorstSessions) },
                new() { Value = i.Title }, new() { Value = i.Summary }, new() { Value = i.UpdatedAt },
                new() { Value = (object?)i.Clients ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
                new() { Value = (object?)i.FailedClients ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
            },
        };
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<AlertIncident?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Select + " WHERE i.id = $1", connection, transaction) { Parameters = { new() { Value = id } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public static AlertIncident Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), r.GetDouble(9),
        r.IsDBNull(10) ? null : r.GetDouble(10), r.GetInt64(11), r.GetInt64(12), r.GetDouble(13),
        Parse<Dictionary<string, long>>(r.GetString(14)), Parse<List<CauseShare>>(r.GetString(15)), Parse<List<WorstSession>>(r.GetString(16)),
        r.GetString(17), r.GetString(18), r.GetFieldValue<DateTimeOffset>(19))
    {
        Clients = r.IsDBNull(20) ? null : r.GetInt64(20),
        FailedClients = r.IsDBNull(21) ? null : r.GetInt64(21),
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GrainJson.Options);

    private static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, GrainJson.Options)!;
}
