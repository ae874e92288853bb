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
        var running = load.RunAsync(concurrency: 4, deadline: TimeSpan.FromSeconds(80), keepGoing: () => !stop.IsCancellationRequested);
        await Task.Delay(TimeSpan.FromSeconds(6));
        var killedAt = DateTimeOffset.UtcNow;
        nodes.All[1].KillHard();
        await running;
        await ExactlyOnce.WaitUntilProcessedAsync(connectionString, TimeSpan.FromMinutes(2));

        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var command = db.CreateCommand("""
            SELECT coalesce(max(extract(epoch FROM processed_at - received_at)), 0)::float8,
                   coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)), 0)::float8,
                   count(*)
            FROM uploads WHERE received_at >= $1
            """);
        command.Parameters.Add(new() { Value = killedAt });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (worst, p99, count) = (reader.GetDouble(0), reader.GetDouble(1), reader.GetInt64(2));
        output.WriteLine($"{count} uploads accepted after the kill: processed at most {worst:F1} s after acceptance (p99 {p99:F1} s); {await ExactlyOnce.AssertAsync(connectionString, load)}");

        Assert.True(count > 50, "too little load after the kill");
        Assert.True(worst < 15, $"an upload waited {worst:F1} s");
    }
}
