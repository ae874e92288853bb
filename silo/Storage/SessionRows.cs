using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Verdicts;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>Reads of a claimed session inside its processing transaction.</summary>
internal static class SessionRows
{
    /// <summary>
    /// Each session's stored verdicts and unprocessed uploads in received order, all in one round trip.
    /// Bodies come inline up to a running total of <see cref="InlineBodyBytes"/> shared by the sessions;
    /// larger ones are streamed later.
    /// </summary>
    public static async Task<List<(List<PendingUpload> Uploads, Dictionary<string, Verdict> Verdicts)>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ClaimedSession> sessions, CancellationToken ct)
    {
        var inline = InlineBodyBytes / Math.Max(1, sessions.Count);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var session in sessions)
        {
            batch.BatchCommands.Add(Command("SELECT verdict::text FROM verdicts WHERE tenant_id = $1 AND session_id = $2", session));
            batch.BatchCommands.Add(Command($"""
                SELECT id, received_at, attempts, last_error,
                       CASE WHEN sum(octet_length(body)) OVER (ORDER BY received_at, seq) <= {inline} THEN body END
                FROM uploads
                WHERE tenant_id = $1 AND session_id = $2 AND processed_at IS NULL
                ORDER BY received_at, seq
                """, session));
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var loaded = new List<(List<PendingUpload>, Dictionary<string, Verdict>)>();
        for (var i = 0; i < sessions.Count; i++)
        {
            if (i > 0) await reader.NextResultAsync(ct);
            var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                // Keyed by the verdict's own id: the column holds it capped (KeyText), the diff needs it whole.
                var verdict = JsonSerializer.Deserialize<Verdict>(reader.GetString(0), GrainJson.Options)!;
                verdicts[verdict.PeerConnectionId] = verdict;
            }
            await reader.NextResultAsync(ct);
            var uploads = new List<PendingUpload>();
            while (await reader.ReadAsync(ct))
                uploads.Add(new PendingUpload(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4)));
            loaded.Add((uploads, verdicts));
        }
        return loaded;
    }

    private const int InlineBodyBytes = 4 * 1024 * 1024;

    private static NpgsqlBatchCommand Command(string sql, ClaimedSession session) =>
        new(sql) { Parameters = { new() { Value = session.TenantId }, new() { Value = session.SessionId } } };

    /// <summary>Streams the stored body into <paramref name="read"/> without buffering it as a whole.</summary>
    public static async Task<T> ReadBodyAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid uploadId, Func<Stream, T> read, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT body FROM uploads WHERE id = $1", connection, transaction)
        {
            Parameters = { new() { Value = uploadId } },
        };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"Upload {uploadId} vanished.");
        await using var body = await reader.GetStreamAsync(0, ct);
        return read(body);
    }
}
