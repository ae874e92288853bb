using System.Diagnostics;
using Npgsql;

namespace IceWatch.Fault.Tests;

/// <summary>Compares the database with what the load was told: each accepted report stored and applied once, region totals exact.</summary>
internal static class ExactlyOnce
{
    public static async Task WaitUntilProcessedAsync(string connectionString, TimeSpan timeout)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var clock = Stopwatch.StartNew();
        while ((long)(await db.CreateCommand("SELECT count(*) FROM uploads WHERE processed_at IS NULL").ExecuteScalarAsync())! > 0)
        {
            Assert.True(clock.Elapsed < timeout, $"uploads still unprocessed after {timeout}");
            await Task.Delay(200);
        }
    }

    public static async Task<string> AssertAsync(string connectionString, ReportLoad load)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var stored = await RowsAsync(db, "SELECT session_id, count(*) FROM uploads GROUP BY session_id");
        var applied = await RowsAsync(db, """
            SELECT session_id, coalesce((state -> 'appliedReports' -> 'pc-1' ->> 'below')::bigint, 0)
                             + coalesce(jsonb_array_length(state -> 'appliedReports' -> 'pc-1' -> 'above'), 0)
            FROM sessions
            """);
        foreach (var (session, seqs) in load.Accepted)
        {
            var accepted = seqs.Distinct().Count();
            var unconfirmed = load.Unconfirmed.TryGetValue(session, out var u) ? u.Count : 0;
            Assert.InRange(stored.GetValueOrDefault(session), accepted, accepted + unconfirmed);
            Assert.Equal(stored.GetValueOrDefault(session), applied.GetValueOrDefault(session));
        }
        Assert.Equal(0L, await ScalarAsync(db, "SELECT count(*) FROM uploads WHERE attempts > 0 OR last_error IS NOT NULL"));

        var sessionsPerRegion = await RowsAsync(db, "SELECT region, count(*) FROM sessions GROUP BY region");
        var countedPerRegion = await RowsAsync(db, "SELECT region, sum(peer_connections)::bigint FROM region_minutes GROUP BY region");
        Assert.Equal(sessionsPerRegion.OrderBy(p => p.Key), countedPerRegion.OrderBy(p => p.Key));
        Assert.Equal(await ScalarAsync(db, "SELECT count(*) FROM sessions"), await ScalarAsync(db, "SELECT count(*) FROM verdicts"));
        return $"{stored.Values.Sum()} reports in {stored.Count} sessions stored and applied once; {countedPerRegion.Values.Sum()} peer connections in {countedPerRegion.Count} regions";
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql) => Convert.ToInt64(await db.CreateCommand(sql).ExecuteScalarAsync());

    private static async Task<Dictionary<string, long>> RowsAsync(NpgsqlDataSource db, string sql)
    {
        await using var reader = await db.CreateCommand(sql).ExecuteReaderAsync();
        var rows = new Dictionary<string, long>();
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1));
        return rows;
    }
}
