using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Runtime;

namespace IceWatch.Silo;

/// <summary>
/// A periodic pass over the database that hands work to grains, run by one silo at a time (a
/// session-level advisory lock, released with the connection if the silo dies). It is the durable
/// backstop of what grains do in memory: handoffs that were lost, timers of grains that were not active.
/// </summary>
public abstract class ClusterSweep(NpgsqlDataSource dataSource, DatabaseReadiness readiness, ISiloStatusOracle silo, ILogger logger) : BackgroundService
{
    protected NpgsqlDataSource DataSource => dataSource;

    protected abstract long LockKey { get; }
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass; returns how many grains it called.</summary>
    protected abstract Task<int> SweepAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Grains are placed only once this silo has joined; until then the pass would only fail.
                if (silo.CurrentStatus == SiloStatus.Active) await PassAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("{Sweep} failed; trying again in {Interval} s: {Error}", GetType().Name, Interval.TotalSeconds, e.Message);
            }
            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Runs one pass if no other silo is running one; exposed for tests.</summary>
    public async Task<int> PassAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = LockKey } } })
            if (await take.ExecuteScalarAsync(ct) is not true) return 0;
        try
        {
            return await SweepAsync(ct);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = LockKey } } };
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Calls each grain with at most <paramref name="parallel"/> calls in flight, each bounded by <paramref name="timeout"/>; failures are left to the next pass.</summary>
    protected async Task<int> CallAllAsync<T>(IReadOnlyList<T> items, int parallel, TimeSpan timeout, Func<T, CancellationToken, Task> call, CancellationToken ct)
    {
        var failed = 0;
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (item, token) =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
            limit.CancelAfter(timeout);
            try
            {
                await call(item, limit.Token).WaitAsync(limit.Token);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref failed) == 1) logger.LogInformation("{Sweep}: a grain call failed, left to the next pass: {Error}", GetType().Name, e.Message);
            }
        });
        return items.Count - failed;
    }
}
