using Npgsql;

namespace IceWatch.Silo;

public sealed class TenantStore(NpgsqlDataSource dataSource)
{
    public async Task<Tenant?> FindByApiKeyAsync(string apiKey, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT t.id, t.name
            FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE k.key_hash = $1 AND k.revoked_at IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKeys.Hash(apiKey) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new Tenant(reader.GetGuid(0), reader.GetString(1)) : null;
    }

    public async Task<Tenant> EnsureTenantAsync(string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        // DO UPDATE (a no-op) rather than DO NOTHING so that RETURNING also yields an existing row.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO tenants (name) VALUES ($1)
            ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
            RETURNING id, name
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Tenant(reader.GetGuid(0), reader.GetString(1));
    }

    public async Task<string> CreateApiKeyAsync(Guid tenantId, string? label, CancellationToken ct)
    {
        var apiKey = ApiKeys.Generate();
        await InsertAsync(tenantId, apiKey, label, ct);
        return apiKey;
    }

    /// <summary>Registers a known key (the bootstrap key); adding the same key again changes nothing.</summary>
    public async Task AddApiKeyAsync(Guid tenantId, string apiKey, string? label, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        await InsertAsync(tenantId, apiKey, label, ct);
    }

    private async Task InsertAsync(Guid tenantId, string apiKey, string? label, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO api_keys (key_hash, tenant_id, label) VALUES ($1, $2, $3)
            ON CONFLICT (key_hash) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKeys.Hash(apiKey) });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)label ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(ct);
    }
}
