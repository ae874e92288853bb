using IceWatch.Grains.Cluster;
using IceWatch.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

public static class SiloServiceCollectionExtensions
{
    /// <summary>How long start-up waits for the Orleans runtime before serving without it.</summary>
    private static readonly TimeSpan ForegroundStart = TimeSpan.FromSeconds(10);

    /// <summary>The database, its migrations (applied in the background, waiting for PostgreSQL if need be) and the stores.</summary>
    public static IServiceCollection AddIceWatchStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o =>
            {
                EnvironmentSettings.Read(configuration, "ICEWATCH_DATABASE", v => o.Database = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_ACCEPT_CONNECTIONS", v => o.AcceptConnections = (int)v);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => PooledDataSource.Build(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Database));
        services.TryAddKeyedSingleton(PooledDataSource.AcceptKey, (sp, _) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return PooledDataSource.Build(storage.Database, storage.AcceptConnections);
        });
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<DatabaseReadiness>();
        services.TryAddSingleton<TenantStore>();
        services.TryAddSingleton<ApiKeyAdmin>();
        services.TryAddSingleton<InboxStore>();
        services.TryAddSingleton<SessionQueries>();
        services.TryAddSingleton<RegionQueries>();
        services.TryAddSingleton<OverviewQueries>();
        services.TryAddSingleton<AlertRuleStore>();
        services.TryAddSingleton<NotificationTargetStore>();
        services.TryAddSingleton<AlertIncidentQueries>();
        services.TryAddSingleton<SharedRateLimits>();
        services.TryAddSingleton<InstanceSecrets>();
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(MigrationService)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrationService>());
            services.AddIceWatchSecrets(configuration);
        }
        // Nothing waits for another to start: HTTP serves probes while the database or the cluster is still coming.
        services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        return services;
    }

    /// <summary>A silo: storage, the grains and what they call, the sweeps, metrics, retention and alert delivery.</summary>
    public static IHostApplicationBuilder AddIceWatchSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddIceWatchSiloServices(configuration);
        var cluster = ClusterSettings.Read(configuration);
        PatientStart.Wrap(builder.Services, ForegroundStart, () => builder.UseOrleans(silo => silo.UseIceWatchCluster(cluster, Database(configuration))));
        return builder;
    }

    /// <summary>Everything a silo runs beside Orleans itself: storage, processing settings, metrics, retention, alert delivery.</summary>
    public static IServiceCollection AddIceWatchSiloServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIceWatchStorage(configuration);
        services.AddIceWatchProcessing(configuration);
        services.AddIceWatchAlerting(configuration);
        return services;
    }

    /// <summary>An API node apart from the silos: an Orleans client that finds them through the membership table.</summary>
    public static IHostApplicationBuilder AddIceWatchClusterClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIceWatchStorage(builder.Configuration);
        var cluster = ClusterSettings.Read(builder.Configuration);
        PatientStart.Wrap(builder.Services, ForegroundStart, () => builder.UseOrleansClient(client => client.UseIceWatchCluster(cluster, Database(builder.Configuration))));
        return builder;
    }

    private static string Database(IConfiguration configuration) =>
        configuration["ICEWATCH_DATABASE"] is { Length: > 0 } flat ? flat : configuration[$"{StorageOptions.Section}:Database"] ?? "";

    private static void AddIceWatchProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProcessingOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o =>
            {
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_STALL_DEADLINE_SECONDS", v => o.StallDeadlineSeconds = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_MAX_ATTEMPTS", v => o.MaxAttempts = (int)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_METRICS_REFRESH_SECONDS", v => o.MetricsRefreshSeconds = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_MAX_SESSION_PEER_CONNECTIONS", v => o.MaxSessionPeerConnections = (int)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_MAX_SESSION_EVENTS", v => o.MaxSessionEvents = (long)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_MAX_SESSION_STATS_OBJECTS", v => o.MaxSessionStatsObjects = (long)v);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcessingOptions>, ProcessingOptionsValidator>());
        services.AddOptions<SessionGrainOptions>().Configure<IOptions<ProcessingOptions>>((grain, processing) =>
        {
            grain.StallDeadline = TimeSpan.FromSeconds(processing.Value.StallDeadlineSeconds);
            grain.MaxAttempts = processing.Value.MaxAttempts;
            grain.SessionLimits = processing.Value.SessionLimits;
        });
        services.AddOptions<PrivacyOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o =>
            {
                EnvironmentSettings.ReadFlag(configuration, "ICEWATCH_KEEP_ADDRESSES", v => o.KeepAddresses = v);
                EnvironmentSettings.ReadFlag(configuration, "ICEWATCH_KEEP_RAW_UPLOADS", v => o.KeepRawUploads = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_ADDRESS_PREFIX_V4", v => o.Ipv4PrefixBits = (int)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_ADDRESS_PREFIX_V6", v => o.Ipv6PrefixBits = (int)v);
            })
            .Validate(o => o.Ipv4PrefixBits is >= 0 and <= 32 && o.Ipv6PrefixBits is >= 0 and <= 128,
                "ICEWATCH_ADDRESS_PREFIX_V4 must be 0-32 and ICEWATCH_ADDRESS_PREFIX_V6 0-128.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o =>
            {
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_RAW_RETENTION_DAYS", v => o.RawRetentionDays = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_VERDICT_RETENTION_DAYS", v => o.VerdictRetentionDays = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_RETENTION_SWEEP_SECONDS", v => o.SweepIntervalSeconds = v);
            })
            .Validate(o => o.RawRetentionDays >= 0 && o.VerdictRetentionDays >= 0 && o.SweepIntervalSeconds >= 1 && o.BatchSize >= 1,
                "Retention periods must not be negative and the sweep interval must be at least 1 s.")
            .ValidateOnStart();
        services.TryAddSingleton<InstanceSecrets>();
        services.TryAddSingleton<AddressPrivacy>();
        services.TryAddSingleton<RetentionStore>();
        services.AddHostedService<RetentionSweeper>();
        services.TryAddSingleton<IceWatchMetrics>();
        services.TryAddSingleton<MetricsQueries>();
        services.AddHostedService<OtlpMetricsService>();
        services.AddHostedService<MetricsRefresher>();
    }

    /// <summary>Alert evaluation lives in the region and TURN grains; the notification dispatcher runs on every silo.</summary>
    private static void AddIceWatchAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertingOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o =>
            {
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_ALERT_INTERVAL_SECONDS", v => o.IntervalSeconds = v);
                EnvironmentSettings.Read(configuration, "ICEWATCH_PUBLIC_URL", v => o.PublicUrl = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_ALERT_RESEND_SECONDS", v => o.ResendSeconds = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_ALERT_DELIVERY_TIMEOUT_SECONDS", v => o.DeliveryTimeoutSeconds = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_ALERT_RETRY_BASE_SECONDS", v => o.RetryBaseSeconds = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_ALERT_RETRY_MAX_SECONDS", v => o.RetryMaxSeconds = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_ALERT_MAX_ATTEMPTS", v => o.MaxDeliveryAttempts = (int)v);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertingOptions>, AlertingOptionsValidator>());
        services.AddOptions<AlertScopeOptions>().Configure<IOptions<AlertingOptions>>((scope, alerting) => scope.Interval = alerting.Value.Interval);
        services.AddHttpClient(NotificationSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<NotificationSignal>();
        services.TryAddSingleton<NotificationSender>();
        services.TryAddSingleton<NotificationDispatcher>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<NotificationDispatcher>());
    }
}
