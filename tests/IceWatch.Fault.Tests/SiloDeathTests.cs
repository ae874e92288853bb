using IceWatch.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace IceWatch.Fault.Tests;

/// <summary>How long processing stalls for the sessions of a silo killed with SIGKILL, with IceWatch's membership settings.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloDeathTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_silo_is_killed_every_upload_is_processed_within_fifteen_seconds_of_its_acceptance()
    {
        var connectionString = await postgres.CreateDatabaseAsync("silo_death");
        await using var nodes = await IceWatchNodes.StartAsync(connectionString, ingest: 1, silos: 3);
        var load = new ReportLoad(nodes.IngestUrls, IceWatchNodes.ApiKey, sessions: 400, reportsPerSession: 4, regions: 3, runId: "death");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        // About 40 reports/s: well within what the nodes process even on a busy machine, so any stall is the kill's.
        var running = load.RunAsync(concurrency: 4, deadline: TimeSpan.FromSeconds(80), keepGoing: () => !stop.IsCancellationRequested, pause: TimeSpan.FromMilliseconds(100));
        await Task.Delay(TimeSpan.FromSeconds(6));
        var killedAt = DateTimeOffset.UtcNow;
        nodes.All[1].KillHard();
        await running;
        await ExactlyOnce.WaitUntilProcessedAsync(connectionString, TimeSpan.FromMinutes(2));

        await using var db = NpgsqlDataSource.Create(connectionString);
        var rows = await LagByAcceptanceAsync(db, killedAt);
        foreach (var (second, count, slowest) in rows)
            output.WriteLine($"accepted {second:+0;-0} s after the kill: {count} uploads, the slowest processed {slowest:F1} s after acceptance");
        output.WriteLine(await ExactlyOnce.AssertAsync(connectionString, load));

        foreach (var node in nodes.All) output.WriteLine($"--- {node.Name} ---\n{node.OutputTail}");
        var after = rows.Where(r => r.Second >= 0).ToList();
        Assert.True(after.Sum(r => r.Count) > 50, "too little load after the kill");
        Assert.True(after.Max(r => r.Slowest) < 15, $"an upload waited {after.Max(r => r.Slowest):F1} s");
    }

    /// <summary>Uploads grouped by when they were accepted (2 s buckets from the kill): how many, and the longest wait for processing.</summary>
    private static async Task<List<(double Second, long Count, double Slowest)>> LagByAcceptanceAsync(NpgsqlDataSource db, DateTimeOffset killedAt)
    {
        await using var command = db.CreateCommand("""
            SELECT floor(extract(epoch FROM received_at - $1) / 2) * 2, count(*), max(extract(epoch FROM processed_at - received_at))::float8
            FROM uploads WHERE received_at >= $1 - interval '4 seconds' GROUP BY 1 ORDER BY 1
            """);
        command.Parameters.Add(new() { Value = killedAt });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(double, long, double)>();
        while (await reader.ReadAsync()) rows.Add((Convert.ToDouble(reader.GetValue(0)), reader.GetInt64(1), reader.GetDouble(2)));
        return rows;
    }
}
