using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Cluster;
using IceWatch.Grains.Regions;
using IceWatch.Grains.Verdicts;
using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>
/// One session step in one transaction and one round trip: the session row moves on only from the
/// version the grain loaded, the uploads are marked only if nobody marked them first, and the verdicts
/// and counter deltas commit with them or not at all. Processing commits asynchronously: a commit lost
/// in a database crash takes the whole step with it, and its uploads are simply processed again.
/// </summary>
internal static class SessionCommits
{
    public static async Task<CommitResult> CommitAsync(NpgsqlDataSource dataSource, SessionKey key, SessionCommit commit, bool dropBodies, CancellationToken ct)
    {
        var uploadIds = commit.Uploads.Select(u => u.Id).ToArray();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
            var session = Add(batch, MoveSession(key, commit));
            var marked = uploadIds.Length > 0 ? Add(batch, MarkProcessed(commit.Uploads, dropBodies)) : null;
            foreach (var verdict in commit.Changes.ChangedVerdicts) batch.BatchCommands.Add(UpsertVerdict(key, verdict));
            // One lock order for shared counter rows on every node: no deadlocks between sessions.
            foreach (var d in commit.Changes.RegionDeltas.OrderBy(d => d.Key, BucketOrder.Instance)) batch.BatchCommands.Add(AddToRegion(key, commit.Region, d));
            foreach (var d in commit.Changes.TurnDeltas.OrderBy(d => d.Key, TurnBucketOrder.Instance)) batch.BatchCommands.Add(TurnMinuteWrites.Add(key.TenantId, commit.Region, d));
            foreach (var d in ClientMinuteWrites.Ordered(commit.Changes.ClientDeltas)) batch.BatchCommands.Add(ClientMinuteWrites.Add(key.TenantId, d));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_current_xact_id()::text"));
            var transactionId = 0L;
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                do
                {
                    if (reader.FieldCount > 0 && await reader.ReadAsync(ct)) transactionId = long.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture);
                } while (await reader.NextResultAsync(ct));
            }
            if (session.RecordsAffected != 1 || (marked is not null && marked.RecordsAffected != uploadIds.Length))
            {
                await transaction.RollbackAsync(ct);
                return CommitResult.Conflict(await ProcessedAsync(connection, uploadIds, ct));
            }
            await transaction.CommitAsync(ct);
            return new CommitResult(true, commit.ExpectedVersion + 1, transactionId, []);
        }
        catch (Exception e) when (uploadIds.Length > 0 && !TransientErrors.IsTransient(e) && !ct.IsCancellationRequested)
        {
            await using var command = dataSource.CreateCommand("""
                UPDATE uploads SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1) AND processed_at IS NULL
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = uploadIds });
            command.Parameters.Add(new NpgsqlParameter { Value = $"could not store the step: {e.Message}" });
            await command.ExecuteNonQueryAsync(ct);
            throw;
        }
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, NpgsqlBatchCommand command)
    {
        batch.BatchCommands.Add(command);
        return command;
    }

    private static async Task<IReadOnlyList<Guid>> ProcessedAsync(NpgsqlConnection connection, Guid[] uploadIds, CancellationToken ct)
    {
        if (uploadIds.Length == 0) return [];
        await using var command = new NpgsqlCommand("SELECT id FROM uploads WHERE id = ANY($1) AND processed_at IS NOT NULL", connection)
        {
            Parameters = { new() { Value = uploadIds } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var processed = new List<Guid>();
        while (await reader.ReadAsync(ct)) processed.Add(reader.GetGuid(0));
        return processed;
    }

    private static NpgsqlBatchCommand MoveSession(SessionKey key, SessionCommit commit) => new("""
        UPDATE sessions SET state = $4::jsonb, version = version + 1, updated_at = now(), next_deadline_at = $5
        WHERE tenant_id = $1 AND session_id = $2 AND version = $3
        """)
    {
        Parameters =
        {
            new() { Value = key.TenantId },
            new() { Value = key.SessionId },
            new() { Value = commit.ExpectedVersion },
            new() { Value = commit.Changes.StateJson },
            new() { Value = (object?)commit.Changes.NextDeadline ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        },
    };

    private static NpgsqlBatchCommand UpsertVerdict(SessionKey key, Verdict v) => new("""
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
            new() { Value = key.TenantId },
            new() { Value = key.SessionId },
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

    private static NpgsqlBatchCommand AddToRegion(SessionKey key, string region, RegionCounterDelta d) => new("""
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
            new() { Value = key.TenantId },
            new() { Value = region },
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
        WHERE uploads.id = o.id AND uploads.processed_at IS NULL
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
