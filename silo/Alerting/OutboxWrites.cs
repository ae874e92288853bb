using Npgsql;

namespace IceWatch.Silo;

/// <summary>Queues notifications inside the evaluation's transaction; the unique key makes a second queueing of the same event a no-op.</summary>
internal static class OutboxWrites
{
    public static async Task<int> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertIncident incident,
        IEnumerable<NotificationTarget> targets, string notificationEvent, int seq, Func<NotificationTarget, string> body, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var target in targets.Where(t => NotificationEvents.Receives(t.Kind, notificationEvent)))
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                INSERT INTO alert_outbox (incident_id, target_id, event, seq, body) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (incident_id, target_id, event, seq) DO NOTHING
                """)
            {
                Parameters =
                {
                    new() { Value = incident.Id }, new() { Value = target.Id }, new() { Value = notificationEvent },
                    new() { Value = seq }, new() { Value = body(target) },
                },
            });
        if (batch.BatchCommands.Count == 0) return 0;
        return await batch.ExecuteNonQueryAsync(ct);
    }
}
