using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;
using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>
/// What a session page reads, in pieces sized to the page: a session of thousands of peer
/// connections is summarised by group and shown a page of verdicts at a time, with the facts
/// (candidates, pairs) read only for the peer connections shown.
/// </summary>
public sealed class SessionPageQueries(NpgsqlDataSource dataSource)
{
    // Failures first: they are why someone opens the page.
    private const string Order = "CASE outcome WHEN 'failed' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, started_at NULLS LAST, peer_connection_id";

    public async Task<SessionHeader?> HeaderAsync(Guid tenantId, string sessionId, CancellationToken ct)
    {
        await using var command = Command("""
            SELECT s.region, s.created_at, s.updated_at,
                   (SELECT count(*) FROM uploads u WHERE u.tenant_id = s.tenant_id AND u.session_id = s.session_id),
                   (SELECT count(*) FROM uploads u WHERE u.tenant_id = s.tenant_id AND u.session_id = s.session_id AND u.processed_at IS NULL),
                   s.state->'truncation'
            FROM sessions s WHERE s.tenant_id = $1 AND s.session_id = $2
            """, tenantId, sessionId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new SessionHeader(sessionId, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2),
                (int)reader.GetInt64(3), (int)reader.GetInt64(4))
            {
                Truncation = reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<Grains.Sessions.SessionTruncation>(reader.GetString(5), GrainJson.Options),
            }
            : null;
    }

    public async Task<IReadOnlyList<VerdictGroup>> GroupsAsync(Guid tenantId, string sessionId, CancellationToken ct)
    {
        await using var command = Command("""
            SELECT outcome, category, count(*) FROM verdicts WHERE tenant_id = $1 AND session_id = $2
            GROUP BY outcome, category
            ORDER BY CASE outcome WHEN 'failed' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, count(*) DESC, category NULLS FIRST
            """, tenantId, sessionId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var groups = new List<VerdictGroup>();
        while (await reader.ReadAsync(ct))
            groups.Add(new VerdictGroup(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2)));
        return groups;
    }

    /// <summary>One page of verdicts, failures first; with a group given, only that outcome and category (null: none).</summary>
    public async Task<IReadOnlyList<Verdict>> PageAsync(Guid tenantId, string sessionId, VerdictGroup? group, long offset, int limit, CancellationToken ct)
    {
        await using var command = Command($"""
            SELECT verdict::text FROM verdicts
            WHERE tenant_id = $1 AND session_id = $2
              AND ($3::text IS NULL OR (outcome = $3 AND category IS NOT DISTINCT FROM $4::text))
            ORDER BY {Order}
            OFFSET $5 LIMIT $6
            """, tenantId, sessionId);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)group?.Outcome ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)group?.Category ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = offset });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await VerdictsAsync(command, ct);
    }

    public async Task<Verdict?> VerdictAsync(Guid tenantId, string sessionId, string peerConnectionId, CancellationToken ct)
    {
        // Matched on the verdict's own id: the key column holds long ids capped.
        await using var command = Command("""
            SELECT verdict::text FROM verdicts WHERE tenant_id = $1 AND session_id = $2 AND verdict->>'peerConnectionId' = $3
            """, tenantId, sessionId);
        command.Parameters.Add(new NpgsqlParameter { Value = peerConnectionId });
        return (await VerdictsAsync(command, ct)).FirstOrDefault();
    }

    /// <summary>The stored facts of just these peer connections, picked out of the session state by the database.</summary>
    public async Task<IReadOnlyDictionary<string, PeerConnectionFacts>> FactsAsync(Guid tenantId, string sessionId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var facts = new Dictionary<string, PeerConnectionFacts>(StringComparer.Ordinal);
        if (ids.Count == 0) return facts;
        await using var command = Command("""
            SELECT id, (s.state -> 'peerConnections' -> id)::text
            FROM sessions s, unnest($3::text[]) AS id
            WHERE s.tenant_id = $1 AND s.session_id = $2 AND s.state -> 'peerConnections' ? id
            """, tenantId, sessionId);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            facts[reader.GetString(0)] = JsonSerializer.Deserialize<PeerConnectionFacts>(reader.GetString(1), GrainJson.Options)!;
        return facts;
    }

    private static async Task<IReadOnlyList<Verdict>> VerdictsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var verdicts = new List<Verdict>();
        while (await reader.ReadAsync(ct))
            verdicts.Add(JsonSerializer.Deserialize<Verdict>(reader.GetString(0), GrainJson.Options)!);
        return verdicts;
    }

    private NpgsqlCommand Command(string sql, Guid tenantId, string sessionId)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        return command;
    }
}
