using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Deletes data older than its retention period, a bounded batch per statement. A session goes whole
/// (uploads, verdicts, state) once it has not been updated for the verdict period, and region and TURN
/// minutes go by the same age, so the rollups never count peer connections whose verdicts are gone
/// for longer than a minute bucket. Unprocessed uploads are never deleted.
/// </summary>
public sealed class RetentionStore(NpgsqlDataSource dataSource)
{
    /// <summary>Processed uploads received before <paramref name="cutoff"/>.</summary>
    public Task<int> DeleteUploadsAsync(DateTimeOffset cutoff, int batch, CancellationToken ct) => ExecuteAsync("""
        DELETE FROM uploads WHERE id IN (
            SELECT id FROM uploads WHERE processed_at IS NOT NULL AND received_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
        """, cutoff, batch, ct);

    /// <summary>Sessions (and their uploads and verdicts) last updated before <paramref name="cutoff"/>, with nothing waiting.</summary>
    public Task<int> DeleteSessionsAsync(DateTimeOffset cutoff, int batch, CancellationToken ct) => ExecuteAsync("""
        WITH doomed AS (
            SELECT s.tenant_id, s.session_id FROM sessions s
            WHERE s.updated_at < $1
              AND NOT EXISTS (SELECT 1 FROM uploads u WHERE u.tenant_id = s.tenant_id AND u.session_id = s.session_id AND u.processed_at IS NULL)
            LIMIT $2 FOR UPDATE SKIP LOCKED),
        uploads_gone AS (
            DELETE FROM uploads u USING doomed d WHERE u.tenant_id = d.tenant_id AND u.session_id = d.session_id),
        verdicts_gone AS (
            DELETE FROM verdicts v USING doomed d WHERE v.tenant_id = d.tenant_id AND v.session_id = d.session_id)
        DELETE FROM sessions s USING doomed d WHERE s.tenant_id = d.tenant_id AND s.session_id = d.session_id
        """, cutoff, batch, ct);

    /// <summary>Region, TURN and client minute counters before <paramref name="cutoff"/>.</summary>
    public async Task<int> DeleteMinutesAsync(DateTimeOffset cutoff, int batch, CancellationToken ct) =>
        await ExecuteAsync("""
            DELETE FROM region_minutes WHERE ctid IN (SELECT ctid FROM region_minutes WHERE minute < $1 LIMIT $2)
            """, cutoff, batch, ct)
        + await ExecuteAsync("""
            DELETE FROM turn_minutes WHERE ctid IN (SELECT ctid FROM turn_minutes WHERE minute < $1 LIMIT $2)
            """, cutoff, batch, ct)
        + await ExecuteAsync("""
            DELETE FROM client_minutes WHERE ctid IN (SELECT ctid FROM client_minutes WHERE minute < $1 LIMIT $2)
            """, cutoff, batch, ct);

    private async Task<int> ExecuteAsync(string sql, DateTimeOffset cutoff, int batch, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
        command.Parameters.Add(new NpgsqlParameter { Value = batch });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
