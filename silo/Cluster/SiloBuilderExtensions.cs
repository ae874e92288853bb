using IceWatch.Grains.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Runtime;

namespace IceWatch.Silo;

public static class SiloBuilderExtensions
{
    /// <summary>Membership in PostgreSQL, this node's endpoints, failure detection and the grains' services.</summary>
    public static ISiloBuilder UseIceWatchCluster(this ISiloBuilder silo, ClusterSettings cluster, string database)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, "icewatch"))
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", database))
            .ConfigureEndpoints(cluster.SiloAddress, cluster.SiloPort, cluster.GatewayPort)
            .Configure<ClusterMembershipOptions>(o => ConfigureFailureDetection(o, cluster));
        return silo.AddIceWatchGrains(cluster);
    }

    /// <summary>Declared dead after MissedProbes probes of ProbeTimeout each, confirmed by DeathVotes silos (or all, when fewer).</summary>
    public static void ConfigureFailureDetection(ClusterMembershipOptions options, ClusterSettings cluster)
    {
        options.ProbeTimeout = cluster.ProbeTimeout;
        options.NumMissedProbesLimit = cluster.MissedProbes;
        options.NumVotesForDeathDeclaration = cluster.DeathVotes;
    }

    /// <summary>What the grains need on a silo, whatever its membership: their stores and services, the sweeps, idle collection.</summary>
    public static ISiloBuilder AddIceWatchGrains(this ISiloBuilder silo, ClusterSettings cluster)
    {
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionQuantum = TimeSpan.FromTicks(Math.Min(GrainCollectionOptions.DEFAULT_COLLECTION_QUANTUM.Ticks, cluster.SessionIdle.Ticks / 2));
            o.ClassSpecificCollectionAge[typeof(SessionGrain).FullName!] = cluster.SessionIdle;
        });
        var services = silo.Services;
        services.AddIceWatchSerialization();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DatabaseGate>();
        services.TryAddSingleton<ISessionStore, SessionStore>();
        services.TryAddSingleton<IUploadPrivacy>(sp => sp.GetRequiredService<AddressPrivacy>());
        services.TryAddSingleton<ISessionMetrics, SessionMetrics>();
        services.TryAddSingleton<IAlertScopeStore, AlertScopeStore>();
        services.TryAddSingleton<ScopeDecisions>();
        services.AddSingleton(cluster);
        services.AddSingleton<RecoverySweep>();
        services.AddSingleton<DeadlineSweep>();
        services.AddSingleton<AlertScopeSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<RecoverySweep>());
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweep>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertScopeSweep>());
        return silo;
    }

    /// <summary>The API's side when it runs apart from the silos: it finds their gateways in the membership table.</summary>
    public static IClientBuilder UseIceWatchCluster(this IClientBuilder client, ClusterSettings cluster, string database)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, "icewatch"))
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", database))
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            .UseConnectionRetryFilter<ClusterConnectionRetry>();
        client.Services.AddIceWatchSerialization();
        return client;
    }
}
