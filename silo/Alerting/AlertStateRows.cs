using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Alerting;
using IceWatch.Grains.Cluster;
using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>The alert state of a (tenant, scope, rule), created on first read; every change is conditioned on the version its writer read.</summary>
internal static class AlertStateRows
{
    public static async Task<AlertScopeRow> GetAsync(NpgsqlDataSource dataSource, AlertScopeKey scope, string rule, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            INSERT INTO alert_states (tenant_id, scope_kind, scope_value, rule, state) VALUES ($1, $2, $3, $4, '{}') ON CONFLICT DO NOTHING
            """, scope, rule));
        batch.BatchCommands.Add(Command("""
            SELECT state::text, incident_id, evaluated_at, next_resend_at, resends, next_reminder_at, reminders, version FROM alert_states
            WHERE tenant_id = $1 AND scope_kind = $2 AND scope_value = $3 AND rule = $4
            """, scope, rule));
        // The reader starts at the first command that returns rows: the SELECT.
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new AlertScopeRow(
            JsonSerializer.Deserialize<AlertState>(reader.GetString(0), GrainJson.Options)!,
            reader.IsDBNull(1) ? null : reader.GetGuid(1),
            Time(reader, 2), Time(reader, 3), reader.GetInt32(4), Time(reader, 5), reader.GetInt32(6), reader.GetInt64(7));
    }

    /// <summary>Locks the row for this transaction; false when its version is no longer <paramref name="version"/>.</summary>
    public static async Task<bool> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertScopeKey scope, string rule, long version, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT version FROM alert_states WHERE tenant_id = $1 AND scope_kind = $2 AND scope_value = $3 AND rule = $4 FOR UPDATE
            """, connection, transaction);
        foreach (var p in Key(scope, rule)) command.Parameters.Add(p);
        return await command.ExecuteScalarAsync(ct) is long stored && stored == version;
    }

    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertScopeKey scope, string rule, AlertScopeRow row, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE alert_states SET state = $5::jsonb, incident_id = $6, evaluated_at = $7, next_resend_at = $8, resends = $9,
                                    next_reminder_at = $10, reminders = $11, version = $12
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
        command.Parameters.Add(new() { Value = row.Version });
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
