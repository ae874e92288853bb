using IceWatch.Grains.Regions;
using Npgsql;

namespace IceWatch.Silo;

public sealed class RegionQueries(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>The region's counts over the minute buckets of the window ending now; null when the tenant never had that region.</summary>
    public async Task<RegionStats?> GetStatsAsync(Guid tenantId, string region, TimeSpan window, CancellationToken ct)
    {
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), "The window must be positive.");
        var to = clock.GetUtcNow();
        var from = to - window;
        // A bucket is the minute a peer connection started in; the one containing 'from' counts whole.
        var firstMinute = new DateTimeOffset(from.UtcTicks - from.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            SELECT EXISTS (SELECT 1 FROM sessions WHERE tenant_id = $1 AND region = $2)
                OR EXISTS (SELECT 1 FROM region_minutes WHERE tenant_id = $1 AND region = $2)
            """) { Parameters = { new() { Value = tenantId }, new() { Value = region } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            SELECT minute, outcome, category, local_type, remote_type, relay_protocol,
                   peer_connections, bytes_relayed, bytes_direct
            FROM region_minutes
            WHERE tenant_id = $1 AND region = $2 AND minute >= $3 AND minute <= $4
            """) { Parameters = { new() { Value = tenantId }, new() { Value = region }, new() { Value = firstMinute }, new() { Value = to } } });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (!reader.GetBoolean(0)) return null;
        await reader.NextResultAsync(ct);
        var buckets = new List<RegionCounterDelta>();
        while (await reader.ReadAsync(ct))
        {
            var key = new RegionBucketKey(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5));
            buckets.Add(new RegionCounterDelta(key, reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)));
        }
        return RegionGrain.Summarize(region, WindowText.Format(window), from, to, buckets);
    }
}
