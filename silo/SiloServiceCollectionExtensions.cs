using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

public static class SiloServiceCollectionExtensions
{
    /// <summary>The database, its migrations (applied by a hosted service before any other starts) and the stores.</summary>
    public static IServiceCollection AddIceWatchStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o => EnvironmentSettings.Read(configuration, "ICEWATCH_DATABASE", v => o.Database = v))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Database));
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<TenantStore>();
        services.TryAddSingleton<ApiKeyAdmin>();
        services.TryAddSingleton<UploadAnnouncer>();
        services.TryAddSingleton<InboxStore>();
        services.TryAddSingleton<SessionQueries>();
        services.TryAddSingleton<RegionQueries>();
        services.TryAddSingleton<OverviewQueries>();
        services.TryAddSingleton<AlertRuleStore>();
        services.TryAddSingleton<NotificationTargetStore>();
        services.TryAddSingleton<AlertIncidentQueries>();
        services.TryAddSingleton<SharedRateLimits>();
        services.TryAddSingleton<InstanceSecrets>();
        // Inserted first: hosted services start in registration order, and everything else needs the schema.
        if (!services.Any(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(MigrationService)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, MigrationService>());
            services.AddIceWatchSecrets(configuration);
        }
        return services;
    }

    /// <summary>Storage plus the processing services: the inbox processor and the stall-deadline sweeper.</summary>
    public static IServiceCollection AddIceWatchSilo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIceWatchStorage(configuration);
        services.AddOptions<ProcessingOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o =>
            {
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_STALL_DEADLINE_SECONDS", v => o.StallDeadlineSeconds = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_POLL_INTERVAL_MS", v => o.PollIntervalMs = (int)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_WORKERS", v => o.Workers = (int)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_MAX_ATTEMPTS", v => o.MaxAttempts = (int)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_METRICS_REFRESH_SECONDS", v => o.MetricsRefreshSeconds = v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_SESSIONS_PER_TRANSACTION", v => o.SessionsPerTransaction = (int)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_MAX_SESSION_PEER_CONNECTIONS", v => o.MaxSessionPeerConnections = (int)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_MAX_SESSION_EVENTS", v => o.MaxSessionEvents = (long)v);
                EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_MAX_SESSION_STATS_OBJECTS", v => o.MaxSessionStatsObjects = (long)v);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcessingOptions>, ProcessingOptionsValidator>());
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
        services.TryAddSingleton<SessionProcessor>();
        services.TryAddSingleton<IceWatchMetrics>();
        services.TryAddSingleton<MetricsQueries>();
        services.AddHostedService<OtlpMetricsService>();
        services.AddHostedService<MetricsRefresher>();
        services.TryAddSingleton<InboxSignal>();
        services.AddHostedService<UploadNotifications>();
        services.AddHostedService<InboxProcessor>();
        services.AddHostedService<DeadlineSweeper>();
        return services.AddIceWatchAlerting(configuration);
    }

    /// <summary>The alert evaluator and the notification dispatcher; both run on every node.</summary>
    private static IServiceCollection AddIceWatchAlerting(this IServiceCollection services, IConfiguration configuration)
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
        services.AddHttpClient(NotificationSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<NotificationSignal>();
        services.TryAddSingleton<NotificationSender>();
        services.TryAddSingleton<ScopeEvaluator>();
        services.TryAddSingleton<AlertEvaluationService>();
        services.TryAddSingleton<NotificationDispatcher>();
        // Added directly: two factory registrations through AddHostedService look alike and the second would be dropped.
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => sp.GetRequiredService<AlertEvaluationService>());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
