using IceWatch.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>
/// Token buckets kept in PostgreSQL, so a limit holds across every ingest node (see <see cref="RateLimitSchema"/>).
/// Taken on the accept path, so on its pool.
/// </summary>
public sealed class SharedRateLimits([FromKeyedServices(PooledDataSource.AcceptKey)] NpgsqlDataSource dataSource)
{
    /// <summary>Takes one token from every cell, or none; returns how long to wait when any cell is empty.</summary>
    public async Task<TimeSpan> TakeAsync(IReadOnlyList<RateLimitCell> cells, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT icewatch_take_tokens($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = cells.Select(c => c.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = cells.Select(c => 1 / c.Rate).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = cells.Select(c => c.Burst).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        var wait = (double)(await command.ExecuteScalarAsync(ct))!;
        return wait > 0 ? TimeSpan.FromSeconds(wait) : TimeSpan.Zero;
    }

    /// <summary>Forgets cells that have been full for a while: a full bucket and a missing row mean the same.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM rate_limit_cells WHERE tat < clock_timestamp() - interval '1 minute'");
        return await command.ExecuteNonQueryAsync(ct);
    }
}
