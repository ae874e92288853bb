using IceWatch.Grains.Cluster;
using IceWatch.Testing;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace IceWatch.Silo.Tests;

/// <summary>IceWatch's membership SQL under the real Microsoft.Orleans.Clustering.AdoNet provider, silos over loopback TCP.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MembershipTests(PostgresFixture postgres)
{
    private string _database = "";

    [Fact]
    public async Task Three_silos_join_through_the_membership_table_and_a_client_finds_their_gateways()
    {
        await using var cluster = await DeployAsync("membership_join", silos: 3);

        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(3, hosts.Count);
        Assert.Equal(3L, await ScalarAsync(cluster, "SELECT count(*) FROM orleans_members WHERE status = 3 AND proxy_port > 0"));
        Assert.True(await ScalarAsync(cluster, "SELECT version FROM orleans_membership_versions") >= 3);
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_in_the_table_within_seconds()
    {
        await using var cluster = await DeployAsync("membership_death", silos: 3);
        var victim = cluster.SecondarySilos[0];
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await cluster.KillSiloAsync(victim);

        var deadline = TimeSpan.FromSeconds(30);
        while (await ScalarAsync(cluster, $"SELECT count(*) FROM orleans_members WHERE status = 6 AND port = {victim.SiloAddress.Endpoint.Port}") == 0)
        {
            Assert.True(clock.Elapsed < deadline, $"not declared dead within {deadline}");
            await Task.Delay(100);
        }
        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
        Assert.DoesNotContain(victim.SiloAddress, hosts.Keys);
    }

    private async Task<TestCluster> DeployAsync(string name, short silos)
    {
        var connectionString = _database = await postgres.CreateDatabaseAsync(name);
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString))
            await new DatabaseMigrator(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties["ICEWATCH_DATABASE"] = connectionString;
        builder.AddSiloBuilderConfigurator<AdoNetSilo>();
        builder.AddClientBuilderConfigurator<AdoNetClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private async Task<long> ScalarAsync(TestCluster cluster, string sql)
    {
        Assert.NotNull(cluster);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(_database);
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private sealed class AdoNetSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo
            .ConfigureServices(services => services.AddIceWatchSerialization())
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", silo.Configuration["ICEWATCH_DATABASE"]))
            .Configure<ClusterMembershipOptions>(o => SiloBuilderExtensions.ConfigureFailureDetection(o, new ClusterSettings()));
    }

    private sealed class AdoNetClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client
            .ConfigureServices(services => services.AddIceWatchSerialization())
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", configuration["ICEWATCH_DATABASE"]));
    }
}
