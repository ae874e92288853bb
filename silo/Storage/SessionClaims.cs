using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Claims a session for the current transaction: a row lock taken with SKIP LOCKED, so each
/// session has one writer at a time, other nodes move on to other sessions, and the lock ends
/// with the transaction or with the connection of a killed process. NO KEY UPDATE leaves the
/// key-share locks of the inbox's foreign key check free, so accepting never waits for it.
/// </summary>
internal static class SessionClaims
{
    // Looks at the oldest 1024 unprocessed uploads only, so a claim costs the same however deep the inbox is.
    private const string Columns = "s.tenant_id, s.session_id, s.region, s.state::text, s.created_at, now(), s.client";

    // The candidates are ordered before the join, so the lock stops at the first free session instead of
    // joining every candidate and sorting them (that was most of the database's CPU under load).
    public static Task<List<ClaimedSession>> WithPendingUploadsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken ct) =>
        ClaimAsync(connection, transaction, limit, $"""
            SELECT {Columns}
            FROM (
                SELECT p.tenant_id, p.session_id, min(p.seq) AS first_seq
                FROM (SELECT tenant_id, session_id, seq FROM uploads WHERE processed_at IS NULL ORDER BY seq LIMIT 1024) p
                GROUP BY p.tenant_id, p.session_id
                ORDER BY first_seq
                OFFSET 0) c
            CROSS JOIN LATERAL (
                SELECT * FROM sessions s WHERE s.tenant_id = c.tenant_id AND s.session_id = c.session_id
                FOR NO KEY UPDATE SKIP LOCKED) s
            LIMIT $1
            """, ct);

    public static Task<List<ClaimedSession>> PastDeadlineAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken ct) =>
        ClaimAsync(connection, transaction, limit, $"""
            SELECT {Columns}
            FROM sessions s
            WHERE s.next_deadline_at <= now()
            ORDER BY s.next_deadline_at
            LIMIT $1
            FOR NO KEY UPDATE OF s SKIP LOCKED
            """, ct);

    // Processing commits asynchronously: a commit lost in a database crash takes its whole transaction
    // (uploads marked, state, verdicts, deltas) with it, so the uploads are simply processed again.
    private static async Task<List<ClaimedSession>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, string sql, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"),
                new NpgsqlBatchCommand(sql) { Parameters = { new() { Value = limit } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var claimed = new List<ClaimedSession>();
        while (await reader.ReadAsync(ct))
            claimed.Add(new ClaimedSession(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetString(6)));
        return claimed;
    }
}
