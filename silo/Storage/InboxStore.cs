using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>
/// The durable inbox. Accepting never waits for processing: it inserts (the session row with
/// ON CONFLICT DO NOTHING, which takes no lock on an existing row) and commits.
/// </summary>
public sealed class InboxStore(NpgsqlDataSource dataSource)
{
    internal const string Channel = "icewatch_uploads";

    public async Task<AcceptResult> AcceptAsync(Upload upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("""
                    INSERT INTO sessions (tenant_id, session_id, region) VALUES ($1, $2, $3)
                    ON CONFLICT (tenant_id, session_id) DO NOTHING
                    """, upload.TenantId, upload.SessionId, upload.Region),
                Command("""
                    INSERT INTO uploads (id, tenant_id, session_id, region, format, body, content_sha256)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (tenant_id, session_id, content_sha256) DO NOTHING
                    RETURNING id
                    """, Guid.CreateVersion7(), upload.TenantId, upload.SessionId, upload.Region, upload.Format.ToString(),
                    upload.Body, upload.ContentSha256),
            },
        };
        Guid? inserted = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            // Npgsql skips the results of statements that return no columns, so look for the one that does.
            do
            {
                if (reader.FieldCount > 0 && await reader.ReadAsync(ct)) inserted = reader.GetGuid(0);
            } while (await reader.NextResultAsync(ct));
        }
        if (inserted is { } id)
        {
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', '')", connection, transaction);
            await notify.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return new AcceptResult(id, upload.SessionId, Duplicate: false);
        }
        // The conflicting row is committed (ON CONFLICT waited for it), so this statement's fresh snapshot sees it.
        await using var existing = new NpgsqlCommand("""
            SELECT id FROM uploads WHERE tenant_id = $1 AND session_id = $2 AND content_sha256 = $3
            """, connection, transaction)
        {
            Parameters = { Parameter(upload.TenantId), Parameter(upload.SessionId), Parameter(upload.ContentSha256) },
        };
        var first = (Guid)(await existing.ExecuteScalarAsync(ct))!;
        await transaction.CommitAsync(ct);
        return new AcceptResult(first, upload.SessionId, Duplicate: true);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlParameter Parameter(object value) => value switch
    {
        ReadOnlyMemory<byte> bytes => new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = bytes, NpgsqlDbType = NpgsqlDbType.Bytea },
        _ => new NpgsqlParameter { Value = value },
    };
}
