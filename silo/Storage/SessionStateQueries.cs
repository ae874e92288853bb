using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Sessions;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>The stored SessionState (candidates, pairs, states per peer connection) behind a session's verdicts.</summary>
public sealed class SessionStateQueries(NpgsqlDataSource dataSource)
{
    public async Task<SessionState?> GetAsync(Guid tenantId, string sessionId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT state::text FROM sessions WHERE tenant_id = $1 AND session_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        return await command.ExecuteScalarAsync(ct) is string json
            ? JsonSerializer.Deserialize<SessionState>(json, GrainJson.Options)
            : null;
    }
}
