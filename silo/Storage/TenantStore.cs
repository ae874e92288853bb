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

    /// <summary>The key's id, tenant, kind and limits; null for an unknown or revoked key.</summary>
    public async Task<ApiKeyIdentity?> FindKeyAsync(string apiKey, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT k.id, t.id, t.name, k.kind, k.origins, t.publishable_dumps
            FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE k.key_hash = $1 AND k.revoked_at IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKeys.Hash(apiKey) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new ApiKeyIdentity(reader.GetGuid(0), new Tenant(reader.GetGuid(1), reader.GetString(2)), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<string[]>(4), reader.GetBoolean(5));
    }

    public async Task<TenantSettings> GetSettingsAsync(Guid tenantId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT publishable_dumps FROM tenants WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return new TenantSettings((bool)(await command.ExecuteScalarAsync(ct) ?? false));
    }

    public async Task<TenantSettings> SetSettingsAsync(Guid tenantId, TenantSettings settings, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE tenants SET publishable_dumps = $2 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.PublishableDumps });
        await command.ExecuteNonQueryAsync(ct);
        return settings;
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

    /// <summary>A new admin key, as every key was before kinds existed; the plaintext is returned once.</summary>
    public Task<string> CreateApiKeyAsync(Guid tenantId, string? label, CancellationToken ct) => CreateApiKeyAsync(tenantId, label, KeyKinds.Admin, ct);

    public async Task<string> CreateApiKeyAsync(Guid tenantId, string? label, string kind, CancellationToken ct)
    {
        var apiKey = ApiKeys.Generate(kind);
        await InsertAsync(tenantId, apiKey, label, kind, ct);
        return apiKey;
    }

    /// <summary>Registers a known key (the bootstrap key); adding the same key again changes nothing.</summary>
    public async Task AddApiKeyAsync(Guid tenantId, string apiKey, string? label, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        await InsertAsync(tenantId, apiKey, label, KeyKinds.Admin, ct);
    }

    private async Task InsertAsync(Guid tenantId, string apiKey, string? label, string kind, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO api_keys (key_hash, tenant_id, label, kind) VALUES ($1, $2, $3, $4)
            ON CONFLICT (key_hash) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKeys.Hash(apiKey) });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)label ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        await command.ExecuteNonQueryAsync(ct);
    }
}
