using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Once the schema is current: protects notification target secrets that were stored in plain text
/// before they were encrypted, and says when the key ring has no master key to protect it. Until it
/// has run, a plain-text secret is still read as it is.
/// </summary>
internal sealed class SecretsUpgrade(
    NpgsqlDataSource dataSource, DatabaseReadiness readiness, SecretProtector protector, MasterKeys keys, ILogger<SecretsUpgrade> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await readiness.WaitAsync(ct);
        if (keys.Current is null)
            logger.LogWarning("ICEWATCH_SECRETS_KEY is not set: notification target secrets are encrypted, but with a key ring stored unencrypted " +
                "in the same database. Set a master key (32 random bytes, base64) to protect them at rest.");

        await using var read = dataSource.CreateCommand("SELECT id, secret FROM notification_targets WHERE secret IS NOT NULL");
        var plain = new List<(Guid Id, string Secret)>();
        await using (var reader = await read.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) plain.Add((reader.GetGuid(0), reader.GetString(1)));
        foreach (var (id, secret) in plain)
        {
            await using var update = dataSource.CreateCommand(
                "UPDATE notification_targets SET secret_protected = $2, secret = NULL WHERE id = $1 AND secret = $3");
            update.Parameters.Add(new NpgsqlParameter { Value = id });
            update.Parameters.Add(new NpgsqlParameter { Value = protector.Protect(secret) });
            update.Parameters.Add(new NpgsqlParameter { Value = secret });
            await update.ExecuteNonQueryAsync(ct);
        }
        if (plain.Count > 0) logger.LogInformation("Encrypted {Count} notification target secrets stored in plain text", plain.Count);
    }
}
