using Microsoft.Extensions.Logging;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Applies <see cref="Migrations"/> in order, each in its own transaction with its schema_migrations row.
/// A session-level advisory lock serializes nodes starting at once; it dies with the connection.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    private const long LockKey = 0x1CE_3A7C_4001;

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await Execute(connection, null, "SELECT pg_advisory_lock($1)", ct, LockKey);
        try
        {
            await Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, ct);
            var applied = await AppliedVersions(connection, ct);
            foreach (var migration in Migrations.All.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await Execute(connection, transaction, migration.Sql, ct);
                await Execute(connection, transaction, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", ct,
                    migration.Version, migration.Name);
                await transaction.CommitAsync(ct);
                logger.LogInformation("Applied schema migration {Version}: {Name}", migration.Version, migration.Name);
            }
        }
        finally
        {
            // On cancellation the connection may be unusable; closing it releases the lock anyway.
            if (connection.State == System.Data.ConnectionState.Open)
                await Execute(connection, null, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKey);
        }
    }

    private static async Task<HashSet<int>> AppliedVersions(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(ct)) versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
