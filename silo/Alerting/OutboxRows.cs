using Npgsql;

namespace IceWatch.Silo;

/// <summary>Claims due notifications and records how their delivery went, inside the dispatcher's transaction.</summary>
internal static class OutboxRows
{
    /// <summary>
    /// Due rows no other node holds, oldest first, and only the first undelivered row of each
    /// (incident, target), so a resolve never overtakes its trigger.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxItem>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT o.id, o.incident_id, o.event, o.body, o.attempts, t.kind, t.url, t.secret_protected, t.secret,
                   o.event IN ('refresh', 'reminder') AND (i.status = 'resolved' OR EXISTS (
                       SELECT 1 FROM alert_outbox n WHERE n.incident_id = o.incident_id AND n.target_id = o.target_id AND n.id > o.id))
            FROM alert_outbox o
            JOIN notification_targets t ON t.id = o.target_id
            JOIN alert_incidents i ON i.id = o.incident_id
            WHERE o.done_at IS NULL AND o.next_attempt_at <= now()
              AND NOT EXISTS (SELECT 1 FROM alert_outbox e
                              WHERE e.incident_id = o.incident_id AND e.target_id = o.target_id AND e.id < o.id AND e.done_at IS NULL)
            ORDER BY o.next_attempt_at, o.id
            LIMIT $1
            FOR UPDATE OF o SKIP LOCKED
            """, connection, transaction) { Parameters = { new() { Value = limit } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<OutboxItem>();
        while (await reader.ReadAsync(ct))
            items.Add(new OutboxItem(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetBoolean(9))
            {
                PlainSecret = reader.IsDBNull(8) ? null : reader.GetString(8),
            });
        return items;
    }

    public static NpgsqlBatchCommand Done(long id, string outcome, string? error) => new("""
        UPDATE alert_outbox SET done_at = now(), outcome = $2, attempts = attempts + CASE WHEN $2 = 'superseded' THEN 0 ELSE 1 END,
                                last_error = coalesce($3, last_error)
        WHERE id = $1
        """)
    {
        Parameters = { new() { Value = id }, new() { Value = outcome }, new() { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } },
    };

    public static NpgsqlBatchCommand Retry(long id, string error, TimeSpan delay) => new("""
        UPDATE alert_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + $3 WHERE id = $1
        """)
    {
        Parameters = { new() { Value = id }, new() { Value = error }, new() { Value = delay } },
    };
}
