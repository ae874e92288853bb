using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Alerting;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>Rule overrides per tenant, region and TURN URL.</summary>
public sealed class AlertRuleStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<AlertRuleOverride>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ListAsync(connection, null, tenantId, ct);
    }

    public async Task<AlertRuleOverride> SetAsync(Guid tenantId, string scopeKind, string scopeValue, AlertRuleSettings settings, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO alert_rules (tenant_id, scope_kind, scope_value, settings) VALUES ($1, $2, $3, $4::jsonb)
            ON CONFLICT (tenant_id, scope_kind, scope_value) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()
            RETURNING updated_at
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = scopeKind });
        command.Parameters.Add(new() { Value = scopeValue });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(settings, GrainJson.Options) });
        var updated = (DateTime)(await command.ExecuteScalarAsync(ct))!;
        return new AlertRuleOverride(scopeKind, scopeValue, settings, new DateTimeOffset(updated, TimeSpan.Zero));
    }

    public async Task<bool> DeleteAsync(Guid tenantId, string scopeKind, string scopeValue, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM alert_rules WHERE tenant_id = $1 AND scope_kind = $2 AND scope_value = $3");
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = scopeKind });
        command.Parameters.Add(new() { Value = scopeValue });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>The rule in force for a scope: built-in default, then the tenant's override, then the scope's.</summary>
    internal static async Task<AlertRule> ResolveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, string scopeKind, string scopeValue, CancellationToken ct)
    {
        var overrides = await ListAsync(connection, transaction, tenantId, ct);
        return AlertRuleSettings.Resolve(
            overrides.FirstOrDefault(o => o.ScopeKind == AlertRuleOverride.TenantKind)?.Settings,
            overrides.FirstOrDefault(o => o.ScopeKind == scopeKind && o.ScopeValue == scopeValue)?.Settings);
    }

    private static async Task<IReadOnlyList<AlertRuleOverride>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT scope_kind, scope_value, settings::text, updated_at FROM alert_rules WHERE tenant_id = $1 ORDER BY scope_kind DESC, scope_value
            """, connection, transaction);
        command.Parameters.Add(new() { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<AlertRuleOverride>();
        while (await reader.ReadAsync(ct))
            list.Add(new AlertRuleOverride(reader.GetString(0), reader.GetString(1),
                JsonSerializer.Deserialize<AlertRuleSettings>(reader.GetString(2), GrainJson.Options)!, reader.GetFieldValue<DateTimeOffset>(3)));
        return list;
    }
}
