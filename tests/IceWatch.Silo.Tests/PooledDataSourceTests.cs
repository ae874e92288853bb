using IceWatch.Silo.Storage;
using IceWatch.Testing;
using Npgsql;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PooledDataSourceTests(PostgresFixture postgres)
{
    private const string Repeated = "SELECT count(*) FROM pg_class WHERE relname = $1";

    [Fact]
    public async Task A_statement_run_twice_on_a_connection_is_prepared_on_the_server()
    {
        await using var db = PooledDataSource.Build(await postgres.CreateDatabaseAsync("pool_prepare"));

        Assert.Contains(Repeated, await PreparedAfterRepeatingAsync(db));
        Assert.Equal(PooledDataSource.DefaultMaxPoolSize, new NpgsqlConnectionStringBuilder(db.ConnectionString).MaxPoolSize);
    }

    [Fact]
    public async Task A_connection_string_that_sets_the_pool_and_preparation_keeps_its_own_values()
    {
        var connectionString = await postgres.CreateDatabaseAsync("pool_said");
        await using var db = PooledDataSource.Build(connectionString + ";MaxAutoPrepare=0;MaxPoolSize=7");

        Assert.DoesNotContain(Repeated, await PreparedAfterRepeatingAsync(db));
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(db.ConnectionString).MaxPoolSize);
    }

    [Fact]
    public async Task A_pool_given_its_own_size_keeps_it_whatever_the_connection_string_says()
    {
        var connectionString = await postgres.CreateDatabaseAsync("pool_sized");
        await using var db = PooledDataSource.Build(connectionString + ";MaxPoolSize=30;MinPoolSize=10", maxPoolSize: 3);

        var settings = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        Assert.Equal((3, 3), (settings.MaxPoolSize, settings.MinPoolSize));
        Assert.Contains(Repeated, await PreparedAfterRepeatingAsync(db));
    }

    private static async Task<List<string>> PreparedAfterRepeatingAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var command = new NpgsqlCommand(Repeated, connection) { Parameters = { new() { Value = "pg_class" } } };
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }
        await using var list = new NpgsqlCommand("SELECT statement FROM pg_prepared_statements", connection);
        await using var reader = await list.ExecuteReaderAsync();
        var statements = new List<string>();
        while (await reader.ReadAsync()) statements.Add(reader.GetString(0));
        return statements;
    }
}
