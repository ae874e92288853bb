using IceWatch.Grains.Regions;
using Npgsql;

namespace IceWatch.Silo;

internal static class TurnMinuteWrites
{
    public static NpgsqlBatchCommand Add(Guid tenantId, string region, TurnCounterDelta d) => new("""
        INSERT INTO turn_minutes (tenant_id, region, turn_url, minute, outcome, category,
                                  peer_connections, relayed_via, bytes_relayed, auth_errors, unreachable_errors)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        ON CONFLICT (tenant_id, turn_url, minute, region, outcome, category) DO UPDATE SET
            peer_connections = turn_minutes.peer_connections + EXCLUDED.peer_connections,
            relayed_via = turn_minutes.relayed_via + EXCLUDED.relayed_via,
            bytes_relayed = turn_minutes.bytes_relayed + EXCLUDED.bytes_relayed,
            auth_errors = turn_minutes.auth_errors + EXCLUDED.auth_errors,
            unreachable_errors = turn_minutes.unreachable_errors + EXCLUDED.unreachable_errors
        """)
    {
        Parameters =
        {
            new() { Value = tenantId },
            new() { Value = region },
            new() { Value = KeyText.Cap(d.Key.TurnUrl, KeyText.MaxUrlBytes) },
            new() { Value = d.Key.Minute },
            new() { Value = KeyText.Cap(d.Key.Outcome) },
            new() { Value = KeyText.Cap(d.Key.Category) },
            new() { Value = d.PeerConnections },
            new() { Value = d.RelayedVia },
            new() { Value = d.BytesRelayed },
            new() { Value = d.AuthErrors },
            new() { Value = d.UnreachableErrors },
        },
    };
}
