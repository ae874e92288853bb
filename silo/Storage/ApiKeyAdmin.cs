using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>
/// Issues, lists and revokes API keys by id; only their SHA-256 is ever stored. The instance admin API
/// works by tenant name, a tenant's admin keys by its id, and neither reaches another tenant's keys.
/// </summary>
public sealed class ApiKeyAdmin(NpgsqlDataSource dataSource, TenantStore tenants)
{
    /// <summary>Creates the tenant if needed and a new key for it; the plaintext key is returned once.</summary>
    public Task<(ApiKeyInfo Info, string ApiKey)> IssueAsync(string tenantName, string? label, CancellationToken ct) =>
        IssueAsync(tenantName, label, KeyKinds.Admin, null, ct);

    public async Task<(ApiKeyInfo Info, string ApiKey)> IssueAsync(
        string tenantName, string? label, string kind, IReadOnlyList<string>? origins, CancellationToken ct) =>
        await IssueAsync(await tenants.EnsureTenantAsync(tenantName, ct), label, kind, origins, ct);

    public async Task<(ApiKeyInfo Info, string ApiKey)> IssueAsync(Tenant tenant, string? label, string kind, IReadOnlyList<string>? origins, CancellationToken ct)
    {
        var apiKey = ApiKeys.Generate(kind);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO api_keys (key_hash, tenant_id, label, kind, origins) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKeys.Hash(apiKey) });
        command.Parameters.Add(new NpgsqlParameter { Value = tenant.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)label ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)origins?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var info = new ApiKeyInfo(reader.GetGuid(0), tenant.Name, label, reader.GetFieldValue<DateTimeOffset>(1), null) { Kind = kind, Origins = origins };
        return (info, apiKey);
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string tenantName, CancellationToken ct) => ListWhereAsync("t.name = $1", tenantName, ct);

    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync(Guid tenantId, CancellationToken ct) => ListWhereAsync("t.id = $1", tenantId, ct);

    /// <summary>False when no such key exists; revoking a revoked key keeps its first revocation time.</summary>
    public async Task<bool> RevokeAsync(Guid keyId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Revokes one of the tenant's keys; false when the tenant has no key with that id.</summary>
    public async Task<bool> RevokeAsync(Guid tenantId, Guid keyId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND tenant_id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    private async Task<IReadOnlyList<ApiKeyInfo>> ListWhereAsync(string condition, object tenant, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT k.id, t.name, k.label, k.created_at, k.revoked_at, k.kind, k.origins
            FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE {condition} ORDER BY k.created_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(ct))
            keys.Add(new ApiKeyInfo(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4))
            {
                Kind = reader.GetString(5),
                Origins = reader.IsDBNull(6) ? null : reader.GetFieldValue<string[]>(6),
            });
        return keys;
    }
}
