using IceWatch.Grains.Alerting;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>Adds a client minute delta in the processing transaction, beside the region and TURN minutes.</summary>
internal static class ClientMinuteWrites
{
    /// <summary>One lock order for shared rows on every node: no deadlocks between sessions of one client.</summary>
    public static IEnumerable<ClientMinuteDelta> Ordered(IEnumerable<ClientMinuteDelta> deltas) => deltas
        .OrderBy(d => d.Key.ScopeKind, StringComparer.Ordinal).ThenBy(d => d.Key.ScopeValue, StringComparer.Ordinal)
        .ThenBy(d => d.Key.Minute).ThenBy(d => d.Key.Client, StringComparer.Ordinal)
        .ThenBy(d => d.Key.Outcome, StringComparer.Ordinal).ThenBy(d => d.Key.Category, StringComparer.Ordinal);

    public static NpgsqlBatchCommand Add(Guid tenantId, ClientMinuteDelta d) => new("""
        INSERT INTO client_minutes (tenant_id, scope_kind, scope_value, minute, client, outcome, category, peer_connections)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (tenant_id, scope_kind, scope_value, minute, client, outcome, category) DO UPDATE SET
            peer_connections = client_minutes.peer_connections + EXCLUDED.peer_connections
        """)
    {
        Parameters =
        {
            new() { Value = tenantId },
            new() { Value = d.Key.ScopeKind },
            new() { Value = KeyText.Cap(d.Key.ScopeValue, KeyText.MaxUrlBytes) },
            new() { Value = d.Key.Minute },
            new() { Value = KeyText.Cap(d.Key.Client) },
            new() { Value = KeyText.Cap(d.Key.Outcome) },
            new() { Value = KeyText.Cap(d.Key.Category) },
            new() { Value = d.PeerConnections },
        },
    };
}
