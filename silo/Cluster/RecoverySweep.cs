using IceWatch.Grains.Cluster;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Runtime;

namespace IceWatch.Silo;

/// <summary>
/// Finds uploads no grain has processed a few seconds after they were accepted (the API's handoff
/// failed, timed out, or its process died) and asks their sessions to catch up from the inbox.
/// </summary>
public sealed class RecoverySweep(NpgsqlDataSource dataSource, DatabaseReadiness readiness, ISiloStatusOracle silo, IGrainFactory grains, ClusterSettings cluster, ILogger<RecoverySweep> logger)
    : ClusterSweep(dataSource, readiness, silo, logger)
{
    protected override long LockKey => 0x1CE_3A7C_5001;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand("""
            SELECT tenant_id, session_id
            FROM (SELECT tenant_id, session_id, received_at FROM uploads
                  WHERE processed_at IS NULL AND received_at < now() - $1::interval
                  ORDER BY received_at LIMIT 2000) p
            GROUP BY tenant_id, session_id
            ORDER BY min(received_at)
            LIMIT 500
            """);
        command.Parameters.Add(new() { Value = cluster.RecoveryGrace });
        var sessions = new List<SessionKey>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) sessions.Add(new SessionKey(reader.GetGuid(0), reader.GetString(1)));
        if (sessions.Count == 0) return 0;
        logger.LogInformation("Recovery: {Count} sessions have uploads waiting longer than {Grace} s", sessions.Count, cluster.RecoveryGrace.TotalSeconds);
        return await CallAllAsync(sessions, 16, TimeSpan.FromSeconds(5),
            (s, token) => grains.GetGrain<ISessionGrain>(s.TenantId, s.SessionId).CatchUpAsync(token), ct);
    }
}
