using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Verdicts;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>Reads of a claimed session inside its processing transaction.</summary>
internal static class SessionRows
{
    public static async Task<List<PendingUpload>> PendingUploadsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ClaimedSession session, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, received_at, attempts, last_error FROM uploads
            WHERE tenant_id = $1 AND session_id = $2 AND processed_at IS NULL
            ORDER BY received_at, seq
            """, connection, transaction)
        {
            Parameters = { new() { Value = session.TenantId }, new() { Value = session.SessionId } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var uploads = new List<PendingUpload>();
        while (await reader.ReadAsync(ct))
            uploads.Add(new PendingUpload(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        return uploads;
    }

    public static async Task<Dictionary<string, Verdict>> VerdictsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ClaimedSession session, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT peer_connection_id, verdict::text FROM verdicts WHERE tenant_id = $1 AND session_id = $2
            """, connection, transaction)
        {
            Parameters = { new() { Value = session.TenantId }, new() { Value = session.SessionId } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            verdicts[reader.GetString(0)] = JsonSerializer.Deserialize<Verdict>(reader.GetString(1), GrainJson.Options)!;
        return verdicts;
    }

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
