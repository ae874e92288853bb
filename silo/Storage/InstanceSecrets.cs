using System.Security.Cryptography;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>Random secrets shared by every node through the database, created by whichever node needs one first.</summary>
public sealed class InstanceSecrets(NpgsqlDataSource dataSource)
{
    public async Task<byte[]> GetOrCreateAsync(string name, int bytes, CancellationToken ct)
    {
        // A node that loses the race to create it sees nothing in its statement's snapshot: ask again.
        for (var attempt = 0; ; attempt++)
            if (await TryGetOrCreateAsync(name, bytes, ct) is { } value) return value;
            else if (attempt == 3) throw new InvalidOperationException($"The instance secret '{name}' could not be read.");
    }

    private async Task<byte[]?> TryGetOrCreateAsync(string name, int bytes, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            WITH created AS (
                INSERT INTO instance_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value)
            SELECT value FROM created UNION ALL SELECT value FROM instance_secrets WHERE name = $1
            LIMIT 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = RandomNumberGenerator.GetBytes(bytes) });
        return await command.ExecuteScalarAsync(ct) as byte[];
    }
}
