using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Cluster;
using IceWatch.Grains.Verdicts;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>The session grains' storage: the session row, its verdicts and its unprocessed uploads, and the version-checked commit of a step.</summary>
public sealed class SessionStore(NpgsqlDataSource dataSource, IOptions<PrivacyOptions> privacy) : ISessionStore
{
    // Bodies come inline with the pending list up to this running total; larger ones are streamed one at a time.
    private const int InlineBodyBytes = 4 * 1024 * 1024;

    public async Task<SessionSnapshot?> LoadAsync(SessionKey key, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            SELECT region, created_at, version, state::text, next_deadline_at, client FROM sessions WHERE tenant_id = $1 AND session_id = $2
            """, key));
        batch.BatchCommands.Add(Command("SELECT verdict::text FROM verdicts WHERE tenant_id = $1 AND session_id = $2", key));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var (region, createdAt, version) = (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2));
        var state = reader.IsDBNull(3) ? null : reader.GetString(3);
        DateTimeOffset? deadline = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4);
        var client = reader.GetString(5);
        await reader.NextResultAsync(ct);
        var verdicts = new List<Verdict>();
        // Keyed later by the verdict's own id: the column holds it capped (KeyText), the diff needs it whole.
        while (await reader.ReadAsync(ct)) verdicts.Add(JsonSerializer.Deserialize<Verdict>(reader.GetString(0), GrainJson.Options)!);
        return new SessionSnapshot(region, createdAt, version, state, verdicts, deadline) { Client = client };
    }

    public async Task<IReadOnlyList<PendingUpload>> PendingUploadsAsync(SessionKey key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT id, received_at, attempts, last_error,
                   CASE WHEN sum(octet_length(body)) OVER (ORDER BY received_at, seq) <= {InlineBodyBytes} THEN body END
            FROM uploads
            WHERE tenant_id = $1 AND session_id = $2 AND processed_at IS NULL
            ORDER BY received_at, seq
            """);
        command.Parameters.Add(new() { Value = key.TenantId });
        command.Parameters.Add(new() { Value = key.SessionId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var uploads = new List<PendingUpload>();
        while (await reader.ReadAsync(ct))
            uploads.Add(new PendingUpload(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4)));
        return uploads;
    }

    public async Task<T> ReadBodyAsync<T>(Guid uploadId, Func<Stream, T> read, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("SELECT body FROM uploads WHERE id = $1", connection) { Parameters = { new() { Value = uploadId } } };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"Upload {uploadId} vanished.");
        await using var body = await reader.GetStreamAsync(0, ct);
        return read(body);
    }

    public Task<CommitResult> CommitAsync(SessionKey key, SessionCommit commit, CancellationToken ct) =>
        SessionCommits.CommitAsync(dataSource, key, commit, privacy.Value.DropsRawBodies, ct);

    /// <summary>Attempts count only failures of the step itself; an upload past the limit is set aside by its next step.</summary>
    public async Task RecordFailureAsync(IReadOnlyList<Guid> uploadIds, string error, CancellationToken ct)
    {
        if (uploadIds.Count == 0) return;
        await using var command = dataSource.CreateCommand("""
            UPDATE uploads SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1) AND processed_at IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = uploadIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = error });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Command(string sql, SessionKey key) =>
        new(sql) { Parameters = { new() { Value = key.TenantId }, new() { Value = key.SessionId } } };
}
