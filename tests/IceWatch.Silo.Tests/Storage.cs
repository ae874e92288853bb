using IceWatch.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IceWatch.Silo.Tests;

/// <summary>The silo's services against a fresh database of the shared test server.</summary>
internal sealed class Storage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Storage(ServiceProvider services, string connectionString)
    {
        _services = services;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public IServiceProvider Services => _services;
    public NpgsqlDataSource DataSource => Get<NpgsqlDataSource>();
    public TenantStore Tenants => Get<TenantStore>();
    public InboxStore Inbox => Get<InboxStore>();
    public SessionQueries Sessions => Get<SessionQueries>();
    public RegionQueries Regions => Get<RegionQueries>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<Storage> CreateAsync(PostgresFixture postgres, string name, IDictionary<string, string?>? settings = null, bool migrate = true) =>
        await AttachAsync(await postgres.CreateDatabaseAsync(name), settings, migrate);

    /// <summary>Another node's services on an existing database.</summary>
    public static async Task<Storage> AttachAsync(string connectionString, IDictionary<string, string?>? settings = null, bool migrate = true)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ICEWATCH_DATABASE"] = connectionString })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddIceWatchSilo(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var storage = new Storage(services, connectionString);
        if (migrate) await storage.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return storage;
    }

    /// <summary>Starts one of the registered hosted services by hand, as the host would at start-up.</summary>
    public Task StartHostedAsync<T>() where T : Microsoft.Extensions.Hosting.IHostedService =>
        _services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<T>().Single().StartAsync(CancellationToken.None);

    public async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var v in values) command.Parameters.Add(new NpgsqlParameter { Value = v });
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
