using IceWatch.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IceWatch.Silo.Tests;

/// <summary>
/// A silo host against a fresh database of the shared test server. Its stores work at once; the silo
/// itself (Orleans, on loopback ports of its own, clustered through this database) starts on first use of <see cref="Grains"/>.
/// </summary>
internal sealed class Storage : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly SemaphoreSlim _starting = new(1, 1);
    private bool _started;

    private Storage(IHost host, string connectionString)
    {
        _host = host;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public IServiceProvider Services => _host.Services;
    public NpgsqlDataSource DataSource => Get<NpgsqlDataSource>();
    public TenantStore Tenants => Get<TenantStore>();
    public InboxStore Inbox => Get<InboxStore>();
    public SessionQueries Sessions => Get<SessionQueries>();
    public RegionQueries Regions => Get<RegionQueries>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<Storage> CreateAsync(PostgresFixture postgres, string name, IDictionary<string, string?>? settings = null, bool migrate = true)
    {
        var storage = Build(await postgres.CreateDatabaseAsync(name), name, settings);
        if (migrate) await storage.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return storage;
    }

    /// <summary>Another silo host on the same database, in a cluster of its own.</summary>
    public static Task<Storage> AttachAsync(Storage other, string clusterId, IDictionary<string, string?>? settings = null) =>
        Task.FromResult(Build(other.ConnectionString, clusterId, settings));

    /// <summary>Runs one of the registered background services by hand to its end, as the host would start it once the schema is current.</summary>
    public async Task RunHostedAsync<T>() where T : BackgroundService
    {
        Get<DatabaseReadiness>().Ready();
        var service = _host.Services.GetServices<IHostedService>().OfType<T>().Single();
        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!;
    }

    private static Storage Build(string connectionString, string clusterId, IDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(SiloSettings(connectionString, clusterId));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddIceWatchSilo();
        return new Storage(builder.Build(), connectionString);
    }

    /// <summary>Loopback ports of its own, so tests and silo processes in parallel never collide.</summary>
    public static Dictionary<string, string?> SiloSettings(string connectionString, string clusterId) => new()
    {
        ["ICEWATCH_DATABASE"] = connectionString,
        ["ICEWATCH_CLUSTER_ID"] = clusterId,
        ["ICEWATCH_SILO_PORT"] = FreePorts.Next().ToString(),
        ["ICEWATCH_GATEWAY_PORT"] = FreePorts.Next().ToString(),
    };

    /// <summary>The running silo's grains; starts the silo on first use.</summary>
    public async Task<IGrainFactory> GrainsAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (!_started) await _host.StartAsync();
            _started = true;
        }
        finally
        {
            _starting.Release();
        }
        return Get<IGrainFactory>();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var v in values) command.Parameters.Add(new NpgsqlParameter { Value = v });
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started) await _host.StopAsync();
        _host.Dispose();
    }
}
