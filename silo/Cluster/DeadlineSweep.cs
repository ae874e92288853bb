using IceWatch.Grains.Cluster;
using Npgsql;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;

namespace IceWatch.Silo;

/// <summary>
/// Honours stall deadlines whose grain was not there to fire its timer (deactivated, or its silo died):
/// sessions past their stored deadline by a second are evaluated again.
/// </summary>
public sealed class DeadlineSweep(NpgsqlDataSource dataSource, DatabaseReadiness readiness, ISiloStatusOracle silo, IGrainFactory grains, ILogger<DeadlineSweep> logger)
    : ClusterSweep(dataSource, readiness, silo, logger)
{
    protected override long LockKey => 0x1CE_3A7C_5002;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand("""
            SELECT tenant_id, session_id FROM sessions
            WHERE next_deadline_at <= now() - interval '1 second'
            ORDER BY next_deadline_at LIMIT 500
            """);
        var sessions = new List<SessionKey>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) sessions.Add(new SessionKey(reader.GetGuid(0), reader.GetString(1)));
        return await CallAllAsync(sessions, 16, TimeSpan.FromSeconds(5),
            (s, token) => grains.GetGrain<ISessionGrain>(s.TenantId, s.SessionId).EvaluateAsync(token), ct);
    }
}
