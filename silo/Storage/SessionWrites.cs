using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Regions;
using IceWatch.Grains.Verdicts;
using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>The writes of one processing transaction (one or more sessions), sent as one batch: verdicts, region deltas, uploads, sessions.</summary>
internal static class SessionWrites
{
    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ClaimedChanges> all, bool dropBodies, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (session, changes) in all)
            foreach (var verdict in changes.ChangedVerdicts) batch.BatchCommands.Add(UpsertVerdict(session, verdict));
        foreach (var (session, delta) in DeltaOrder.Regions(all)) batch.BatchCommands.Add(AddToRegion(session, delta));
        foreach (var (session, delta) in DeltaOrder.Turns(all)) batch.BatchCommands.Add(TurnMinuteWrites.Add(session, delta));
        foreach (var (tenantId, delta) in DeltaOrder.Clients(all)) batch.BatchCommands.Add(ClientMinuteWrites.Add(tenantId, delta));
        var uploads = all.SelectMany(c => c.Changes.Uploads).ToList();
        if (uploads.Count > 0) batch.BatchCommands.Add(MarkProcessed(uploads, dropBodies));
        foreach (var (session, changes) in all)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                UPDATE sessions SET state = $3::jsonb, updated_at = now(), next_deadline_at = $4
                WHERE tenant_id = $1 AND session_id = $2
                """)
            {
                Parameters =
                {
                    new() { Value = session.TenantId },
                    new() { Value = session.SessionId },
                    new() { Value = changes.StateJson },
                    new() { Value = (object?)changes.NextDeadline ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                },
            });
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Attempts count only non-transient failures; an upload past the limit is set aside by the next claim.</summary>
    public static async Task RecordFailureAsync(NpgsqlDataSource dataSource, IReadOnlyList<Guid> uploadIds, string error, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE uploads SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1) AND processed_at IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = uploadIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = error });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand UpsertVerdict(ClaimedSession session, Verdict v) => new("""
        INSERT INTO verdicts (tenant_id, session_id, peer_connection_id, verdict, outcome, failed_after_connect, category,
                              local_type, remote_type, relay_protocol, relayed, bytes_relayed, bytes_direct,
                              time_to_connected_ms, started_at, updated_at)
        VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now())
        ON CONFLICT (tenant_id, session_id, peer_connection_id) DO UPDATE SET
            verdict = EXCLUDED.verdict, outcome = EXCLUDED.outcome, failed_after_connect = EXCLUDED.failed_after_connect,
            category = EXCLUDED.category, local_type = EXCLUDED.local_type, remote_type = EXCLUDED.remote_type,
            relay_protocol = EXCLUDED.relay_protocol, relayed = EXCLUDED.relayed, bytes_relayed = EXCLUDED.bytes_relayed,
            bytes_direct = EXCLUDED.bytes_direct, time_to_connected_ms = EXCLUDED.time_to_connected_ms,
            started_at = EXCLUDED.started_at, updated_at = EXCLUDED.updated_at
        """)
    {
        Parameters =
        {
            new() { Value = session.TenantId },
            new() { Value = session.SessionId },
            new() { Value = KeyText.Cap(v.PeerConnectionId, KeyText.MaxUrlBytes) },
            new() { Value = JsonSerializer.Serialize(v, GrainJson.Options) },
            new() { Value = KeyText.Cap(v.Outcome) },
            new() { Value = v.FailedAfterConnect },
            Text(KeyText.CapOrNull(v.Category)),
            Text(KeyText.CapOrNull(v.SelectedPair?.LocalType)),
            Text(KeyText.CapOrNull(v.SelectedPair?.RemoteType)),
            Text(KeyText.CapOrNull(v.SelectedPair?.RelayProtocol)),
            new() { Value = v.Relayed },
            new() { Value = v.BytesRelayed },
            new() { Value = v.BytesDirect },
            new() { Value = (object?)v.TimeToConnectedMs ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
            new() { Value = (object?)v.StartedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        },
    };

    private static NpgsqlBatchCommand AddToRegion(ClaimedSession session, RegionCounterDelta d) => new("""
        INSERT INTO region_minutes (tenant_id, region, minute, outcome, category, local_type, remote_type, relay_protocol,
                                    peer_connections, bytes_relayed, bytes_direct)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        ON CONFLICT (tenant_id, region, minute, outcome, category, local_type, remote_type, relay_protocol) DO UPDATE SET
            peer_connections = region_minutes.peer_connections + EXCLUDED.peer_connections,
            bytes_relayed = region_minutes.bytes_relayed + EXCLUDED.bytes_relayed,
            bytes_direct = region_minutes.bytes_direct + EXCLUDED.bytes_direct
        """)
    {
        Parameters =
        {
            new() { Value = session.TenantId },
            new() { Value = session.Region },
            new() { Value = d.Key.Minute },
            new() { Value = KeyText.Cap(d.Key.Outcome) },
            new() { Value = KeyText.Cap(d.Key.Category) },
            new() { Value = KeyText.Cap(d.Key.LocalType) },
            new() { Value = KeyText.Cap(d.Key.RemoteType) },
            new() { Value = KeyText.Cap(d.Key.RelayProtocol) },
            new() { Value = d.PeerConnections },
            new() { Value = d.BytesRelayed },
            new() { Value = d.BytesDirect },
        },
    };

    // A dropped body keeps its row and sha256, so the same content is still recognised as a duplicate.
    private static NpgsqlBatchCommand MarkProcessed(IReadOnlyList<UploadOutcome> uploads, bool dropBodies) => new($"""
        UPDATE uploads SET processed_at = now(), last_error = o.error{(dropBodies ? ", body = ''::bytea, body_dropped_at = now()" : "")}
        FROM unnest($1::uuid[], $2::text[]) AS o(id, error)
        WHERE uploads.id = o.id
        """)
    {
        Parameters =
        {
            new() { Value = uploads.Select(u => u.Id).ToArray() },
            new() { Value = uploads.Select(u => u.Error).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
        },
    };

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
