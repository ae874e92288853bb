using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Cluster;
using IceWatch.Grains.Regions;
using IceWatch.Grains.Verdicts;
using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>The statements of a session step, one builder each.</summary>
internal static class SessionStepWrites
{
    public static NpgsqlBatchCommand MoveSession(SessionKey key, SessionCommit commit) => new("""
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

    public static NpgsqlBatchCommand UpsertVerdict(SessionKey key, Verdict v) => new("""
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

    public static NpgsqlBatchCommand AddToRegion(SessionKey key, string region, RegionCounterDelta d) => new("""
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
    public static NpgsqlBatchCommand MarkProcessed(IReadOnlyList<UploadOutcome> uploads, bool dropBodies) => new($"""
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
