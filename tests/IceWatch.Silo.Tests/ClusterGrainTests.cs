using IceWatch.Grains.Cluster;
using IceWatch.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace IceWatch.Silo.Tests;

/// <summary>Session grains spread over a three-silo test cluster (in-memory transport), storing in real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterGrainTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Sessions_spread_over_three_silos_are_applied_once_even_when_a_silo_dies_mid_way()
    {
        await using var storage = await Storage.CreateAsync(postgres, "cluster_grains");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var inbox = await Inbox.FillAsync(storage, tenant.Id, sessions: 60, uploadsPerSession: 3, peerConnectionsPerUpload: 2);
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ICEWATCH_DATABASE"] = storage.ConnectionString,
                ["ICEWATCH_RECOVERY_GRACE_SECONDS"] = "0.5",
            });
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            host.Services.AddIceWatchSiloServices(host.Configuration);
        });
        builder.ConfigureSilo((_, silo) => silo.AddIceWatchGrains(ClusterSettings.Read(silo.Configuration)));
        builder.ConfigureClient(client => client.Services.AddIceWatchSerialization());
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        // Half the sessions are handed over directly; then a silo dies with whatever it held.
        var sessions = Enumerable.Range(0, 60).Select(s => cluster.Client.GetGrain<ISessionGrain>(tenant.Id, $"call-{s}")).ToList();
        await Task.WhenAll(sessions.Take(30).Select(g => g.CatchUpAsync()));
        await cluster.KillSiloAsync(cluster.GetActiveSilos().Last());

        // The survivors' recovery sweep finds the rest, including anything the dead silo had not committed.
        await Until.TrueAsync(async () => await storage.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE processed_at IS NULL") == 0,
            TimeSpan.FromSeconds(60), "every upload processed");
        await inbox.AssertProcessedExactlyAsync(storage, tenant.Id);
    }
}
