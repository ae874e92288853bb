using Npgsql;
using NpgsqlTypes;

namespace IceWatch.Silo;

/// <summary>Issues, lists and revokes API keys by id; only their SHA-256 is ever stored.</summary>
public sealed class ApiKeyAdmin(NpgsqlDataSource dataSource, TenantStore tenants)
{
    /// <summary>Creates the tenant if needed and a new key for it; the plaintext key is returned once.</summary>
    public async Task<(ApiKeyInfo Info, string ApiKey)> IssueAsync(string tenantName, string? label, CancellationToken ct)
    {
        var tenant = await tenants.EnsureTenantAsync(tenantName, ct);
        var apiKey = ApiKeys.Generate();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO api_keys (key_hash, tenant_id, label) VALUES ($1, $2, $3) RETURNING id, created_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKeys.Hash(apiKey) });
        command.Parameters.Add(new NpgsqlParameter { Value = tenant.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)label ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (new ApiKeyInfo(reader.GetGuid(0), tenant.Name, label, reader.GetFieldValue<DateTimeOffset>(1), null), apiKey);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string tenantName, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT k.id, t.name, k.label, k.created_at, k.revoked_at
            FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE t.name = $1 ORDER BY k.created_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantName });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(ct))
            keys.Add(new ApiKeyInfo(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        return keys;
    }

    /// <summary>False when no such key exists; revoking a revoked key keeps its first revocation time.</summary>
    public async Task<bool> RevokeAsync(Guid keyId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }
}
