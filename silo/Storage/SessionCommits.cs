using System.Globalization;
using IceWatch.Grains.Cluster;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// One session step in one transaction: the session row moves on only from the version the grain
/// loaded, the uploads are marked only if nobody marked them first, and the verdicts and counter
/// deltas commit with them or not at all. Two round trips: the first writes what belongs to this
/// session and tells whether the step still holds; the second adds the shared region, TURN and
/// client counters and commits in the same breath, so those rows, which every session of a region
/// updates, stay locked only while the server runs it, never across a round trip. Processing commits
/// asynchronously: a commit lost in a database crash takes the whole step with it, and its uploads
/// are simply processed again.
/// </summary>
internal static class SessionCommits
{
    public static async Task<CommitResult> CommitAsync(NpgsqlDataSource dataSource, SessionKey key, SessionCommit commit, bool dropBodies, CancellationToken ct)
    {
        var uploadIds = commit.Uploads.Select(u => u.Id).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            if (!await WriteSessionAsync(connection, key, commit, dropBodies, uploadIds.Length, ct))
            {
                await ExecuteAsync(connection, "ROLLBACK", ct);
                return CommitResult.Conflict(await ProcessedAsync(connection, uploadIds, ct));
            }
            var transactionId = await AddCountersAndCommitAsync(connection, key, commit, ct);
            return new CommitResult(true, commit.ExpectedVersion + 1, transactionId, []);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            if (connection.State == System.Data.ConnectionState.Open) await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (uploadIds.Length > 0 && !TransientErrors.IsTransient(e)) await RecordFailureAsync(dataSource, uploadIds, e, ct);
            throw;
        }
    }

    /// <summary>False when another writer moved the session on or processed one of the uploads first.</summary>
    private static async Task<bool> WriteSessionAsync(NpgsqlConnection connection, SessionKey key, SessionCommit commit, bool dropBodies, int uploads, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new("BEGIN"), new("SET LOCAL synchronous_commit = off") },
        };
        var session = SessionStepWrites.MoveSession(key, commit);
        batch.BatchCommands.Add(session);
        var marked = uploads > 0 ? SessionStepWrites.MarkProcessed(commit.Uploads, dropBodies) : null;
        if (marked is not null) batch.BatchCommands.Add(marked);
        foreach (var verdict in commit.Changes.ChangedVerdicts) batch.BatchCommands.Add(SessionStepWrites.UpsertVerdict(key, verdict));
        await batch.ExecuteNonQueryAsync(ct);
        return session.RecordsAffected == 1 && (marked is null || marked.RecordsAffected == uploads);
    }

    /// <summary>The shared counters in one lock order on every node (no deadlocks between sessions), then the commit; returns the transaction's id.</summary>
    private static async Task<long> AddCountersAndCommitAsync(NpgsqlConnection connection, SessionKey key, SessionCommit commit, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var d in commit.Changes.RegionDeltas.OrderBy(d => d.Key, BucketOrder.Instance)) batch.BatchCommands.Add(SessionStepWrites.AddToRegion(key, commit.Region, d));
        foreach (var d in commit.Changes.TurnDeltas.OrderBy(d => d.Key, TurnBucketOrder.Instance)) batch.BatchCommands.Add(TurnMinuteWrites.Add(key.TenantId, commit.Region, d));
        foreach (var d in ClientMinuteWrites.Ordered(commit.Changes.ClientDeltas)) batch.BatchCommands.Add(ClientMinuteWrites.Add(key.TenantId, d));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_current_xact_id()::text"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        var transactionId = 0L;
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            if (reader.FieldCount > 0 && await reader.ReadAsync(ct)) transactionId = long.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
        } while (await reader.NextResultAsync(ct));
        return transactionId;
    }

    private static async Task<IReadOnlyList<Guid>> ProcessedAsync(NpgsqlConnection connection, Guid[] uploadIds, CancellationToken ct)
    {
        if (uploadIds.Length == 0) return [];
        await using var command = new NpgsqlCommand("SELECT id FROM uploads WHERE id = ANY($1) AND processed_at IS NOT NULL", connection)
        {
            Parameters = { new() { Value = uploadIds } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var processed = new List<Guid>();
        while (await reader.ReadAsync(ct)) processed.Add(reader.GetGuid(0));
        return processed;
    }

    private static async Task RecordFailureAsync(NpgsqlDataSource dataSource, Guid[] uploadIds, Exception e, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE uploads SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1) AND processed_at IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = uploadIds });
        command.Parameters.Add(new NpgsqlParameter { Value = $"could not store the step: {e.Message}" });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
