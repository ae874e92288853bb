using IceWatch.Grains.Cluster;
using IceWatch.Testing;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RegionGrainTests(PostgresFixture postgres)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_region_grain_counts_from_memory_what_the_minute_table_holds_without_counting_a_delta_twice()
    {
        await using var storage = await Storage.CreateAsync(postgres, "region_grain");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", None);
        var grains = await storage.GrainsAsync();
        await AlertCalls.AddAsync(storage, tenant.Id, "eu-west", connected: 7, failed: 3);
        // Activated after those deltas committed: it reads them from the table and must not add the first ones again.
        var region = grains.GetGrain<IRegionGrain>(tenant.Id, "eu-west");
        var first = await region.GetStatsAsync(TimeSpan.FromMinutes(5));
        await AlertCalls.AddAsync(storage, tenant.Id, "eu-west", connected: 5, failed: 0);

        var fromGrain = await region.GetStatsAsync(TimeSpan.FromMinutes(5));
        var fromTable = await storage.Regions.GetStatsAsync(tenant.Id, "eu-west", TimeSpan.FromMinutes(5), None);

        Assert.Equal((10L, 3L), (first!.PeerConnections, first.Failed));
        Assert.Equal((15L, 12L, 3L), (fromGrain!.PeerConnections, fromGrain.Connected, fromGrain.Failed));
        Assert.Equal((fromTable!.PeerConnections, fromTable.Connected, fromTable.Failed, fromTable.BytesRelayed),
            (fromGrain.PeerConnections, fromGrain.Connected, fromGrain.Failed, fromGrain.BytesRelayed));
        Assert.Null(await grains.GetGrain<IRegionGrain>(tenant.Id, "nowhere").GetStatsAsync(TimeSpan.FromMinutes(5)));
    }
}
