using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Alerting;
using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>
/// The row lock that makes each evaluation of a (tenant, scope, rule) single-writer: whoever
/// holds it decides the transition, and another node skips the scope instead of waiting.
/// </summary>
internal static class AlertStateRows
{
    /// <summary>The state row, locked for this transaction; null when another node holds it.</summary>
    public static async Task<AlertStateRow?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertScopeKey scope, string rule, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("""
            INSERT INTO alert_states (tenant_id, scope_kind, scope_value, rule, state) VALUES ($1, $2, $3, $4, '{}') ON CONFLICT DO NOTHING
            """, scope, rule));
        batch.BatchCommands.Add(Command("""
            SELECT state::text, incident_id, evaluated_at, next_resend_at, resends, next_reminder_at, reminders FROM alert_states
            WHERE tenant_id = $1 AND scope_kind = $2 AND scope_value = $3 AND rule = $4
            FOR UPDATE SKIP LOCKED
            """, scope, rule));
        // The reader starts at the first command that returns rows: the SELECT.
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new AlertStateRow(
            JsonSerializer.Deserialize<AlertState>(reader.GetString(0), GrainJson.Options)!,
            reader.IsDBNull(1) ? null : reader.GetGuid(1),
            Time(reader, 2), Time(reader, 3), reader.GetInt32(4), Time(reader, 5), reader.GetInt32(6));
    }

    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertScopeKey scope, string rule, AlertStateRow row, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE alert_states SET state = $5::jsonb, incident_id = $6, evaluated_at = $7, next_resend_at = $8, resends = $9,
                                    next_reminder_at = $10, reminders = $11
            WHERE tenant_id = $1 AND scope_kind = $2 AND scope_value = $3 AND rule = $4
            """, connection, transaction);
        foreach (var p in Key(scope, rule)) command.Parameters.Add(p);
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(row.State, GrainJson.Options) });
        command.Parameters.Add(new() { Value = (object?)row.IncidentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(TimeParameter(row.EvaluatedAt));
        command.Parameters.Add(TimeParameter(row.NextResendAt));
        command.Parameters.Add(new() { Value = row.Resends });
        command.Parameters.Add(TimeParameter(row.NextReminderAt));
        command.Parameters.Add(new() { Value = row.Reminders });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Command(string sql, AlertScopeKey scope, string rule)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var p in Key(scope, rule)) command.Parameters.Add(p);
        return command;
    }

    private static NpgsqlParameter[] Key(AlertScopeKey scope, string rule) =>
        [new() { Value = scope.TenantId }, new() { Value = scope.ScopeKind }, new() { Value = scope.ScopeValue }, new() { Value = rule }];

    private static NpgsqlParameter TimeParameter(DateTimeOffset? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
}
