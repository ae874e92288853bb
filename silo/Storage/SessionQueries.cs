using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Verdicts;
using Npgsql;

namespace IceWatch.Silo;

public sealed class SessionQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Null when the tenant has no such session; a session with only unprocessed uploads has no verdicts yet.</summary>
    public async Task<SessionView?> GetAsync(Guid tenantId, string sessionId, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            SELECT s.region, s.created_at, s.updated_at,
                   (SELECT count(*) FROM uploads u WHERE u.tenant_id = s.tenant_id AND u.session_id = s.session_id),
                   (SELECT count(*) FROM uploads u WHERE u.tenant_id = s.tenant_id AND u.session_id = s.session_id AND u.processed_at IS NULL),
                   s.state->'truncation'
            FROM sessions s WHERE s.tenant_id = $1 AND s.session_id = $2
            """, tenantId, sessionId));
        batch.BatchCommands.Add(Command("""
            SELECT verdict FROM verdicts WHERE tenant_id = $1 AND session_id = $2
            ORDER BY started_at NULLS LAST, peer_connection_id
            """, tenantId, sessionId));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var region = reader.GetString(0);
        var createdAt = reader.GetFieldValue<DateTimeOffset>(1);
        var updatedAt = reader.GetFieldValue<DateTimeOffset>(2);
        var uploads = (int)reader.GetInt64(3);
        var pending = (int)reader.GetInt64(4);
        var truncation = reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<SessionTruncation>(reader.GetString(5), GrainJson.Options);
        await reader.NextResultAsync(ct);
        var verdicts = new List<Verdict>();
        while (await reader.ReadAsync(ct))
            verdicts.Add(JsonSerializer.Deserialize<Verdict>(reader.GetString(0), GrainJson.Options)!);
        return new SessionView(sessionId, region, createdAt, updatedAt, uploads, pending, verdicts, truncation);
    }

    private static NpgsqlBatchCommand Command(string sql, Guid tenantId, string sessionId) =>
        new(sql) { Parameters = { new() { Value = tenantId }, new() { Value = sessionId } } };
}
