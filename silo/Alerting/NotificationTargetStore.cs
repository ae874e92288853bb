using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// A tenant's notification targets; every target gets every transition of every incident. Secrets are
/// stored protected by the Data Protection key ring (<see cref="SecretProtector"/>), never in plain text.
/// </summary>
public sealed class NotificationTargetStore(NpgsqlDataSource dataSource, SecretProtector secrets)
{
    private const string Columns = "id, tenant_id, kind, name, url, secret_protected, secret, created_at";

    public async Task<IReadOnlyList<NotificationTarget>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ListAsync(connection, null, tenantId, secrets, ct);
    }

    public async Task<NotificationTarget> AddAsync(Guid tenantId, string kind, string? name, string url, string? secret, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO notification_targets (tenant_id, kind, name, url, secret_protected) VALUES ($1, $2, $3, $4, $5) RETURNING {Columns}
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = kind });
        command.Parameters.Add(new() { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = url });
        command.Parameters.Add(new() { Value = secret is null ? DBNull.Value : secrets.Protect(secret), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return Read(reader, secrets);
    }

    public async Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM notification_targets WHERE tenant_id = $1 AND id = $2");
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>The tenant's targets; their secrets only when a protector is given to read them.</summary>
    internal static async Task<IReadOnlyList<NotificationTarget>> ListAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, SecretProtector? secrets, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM notification_targets WHERE tenant_id = $1 ORDER BY created_at, id", connection, transaction);
        command.Parameters.Add(new() { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<NotificationTarget>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader, secrets));
        return list;
    }

    private static NotificationTarget Read(NpgsqlDataReader r, SecretProtector? secrets) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
        secrets?.Read(r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)), r.GetFieldValue<DateTimeOffset>(7));
}
