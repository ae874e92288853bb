using IceWatch.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>
/// The durable inbox. Accepting never waits for processing: a known session or a known upload is
/// found through the snapshot, so no unique check has to wait for a row the processor is
/// updating, and a new upload only inserts rows nobody else can hold. It runs on the accept path's own
/// pool, so it never waits for a connection either.
/// </summary>
public sealed class InboxStore([FromKeyedServices(PooledDataSource.AcceptKey)] NpgsqlDataSource dataSource)
{
    public async Task<AcceptResult> AcceptAsync(Upload upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        try
        {
            return await AcceptOnceAsync(upload, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // Retention deleted the session between our snapshot and our insert: it is new again.
            return await AcceptOnceAsync(upload, ct);
        }
    }

    private async Task<AcceptResult> AcceptOnceAsync(Upload upload, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One round trip: the batch runs as one implicit transaction. The NOT EXISTS checks read the
        // snapshot, so a known session or a duplicate upload never waits on the processor's row locks.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("""
                    INSERT INTO sessions (tenant_id, session_id, region, client)
                    SELECT $1, $2, $3, $4
                    WHERE NOT EXISTS (SELECT 1 FROM sessions WHERE tenant_id = $1 AND session_id = $2)
                    ON CONFLICT (tenant_id, session_id) DO NOTHING
                    """, upload.TenantId, upload.SessionId, upload.Region, upload.Client ?? ""),
                Command("""
                    INSERT INTO uploads (id, tenant_id, session_id, region, format, body, content_sha256)
                    SELECT $1, $2, $3, $4, $5, $6, $7
                    WHERE NOT EXISTS (SELECT 1 FROM uploads WHERE tenant_id = $2 AND session_id = $3 AND content_sha256 = $7)
                    ON CONFLICT (tenant_id, session_id, content_sha256) DO NOTHING
                    RETURNING id, received_at
                    """, Guid.CreateVersion7(), upload.TenantId, upload.SessionId, upload.Region, upload.Format.ToString(),
                    upload.Body, upload.ContentSha256),
            },
        };
        (Guid Id, DateTimeOffset ReceivedAt)? inserted = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            // Npgsql skips the results of statements without columns; the first row with a uuid is ours.
            do
            {
                if (reader.FieldCount > 0 && reader.GetFieldType(0) == typeof(Guid) && await reader.ReadAsync(ct))
                    inserted = (reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1));
            } while (await reader.NextResultAsync(ct));
        }
        if (inserted is { } row) return new AcceptResult(row.Id, upload.SessionId, Duplicate: false, row.ReceivedAt);

        // Known content, or a race lost to the same content: ON CONFLICT waited for the winner's commit.
        var first = await FindAsync(connection, upload, ct) ?? throw new InvalidOperationException("The conflicting upload vanished.");
        return new AcceptResult(first, upload.SessionId, Duplicate: true, null);
    }

    private static async Task<Guid?> FindAsync(NpgsqlConnection connection, Upload upload, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id FROM uploads WHERE tenant_id = $1 AND session_id = $2 AND content_sha256 = $3
            """, connection)
        {
            Parameters = { Parameter(upload.TenantId), Parameter(upload.SessionId), Parameter(upload.ContentSha256) },
        };
        return await command.ExecuteScalarAsync(ct) as Guid?;
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
