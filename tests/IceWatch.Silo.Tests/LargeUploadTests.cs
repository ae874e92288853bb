using System.Diagnostics;
using IceWatch.Testing;
using Xunit.Abstractions;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class LargeUploadTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task An_upload_with_two_thousand_peer_connections_is_processed_in_one_transaction_with_exact_counts()
    {
        await using var storage = await Storage.CreateAsync(postgres, "large_upload");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var t = SdkReports.Recent;
        var reports = Enumerable.Range(0, 2000)
            .Select(i => i % 5 == 0 ? SdkReports.Failed($"pc-{i}", t + i) : SdkReports.Connected($"pc-{i}", t + i, bytes: 10_000 + i))
            .ToArray();
        var json = SdkReports.Document("big-call", "eu-west", reports);
        await storage.Inbox.AcceptAsync(SdkReports.Upload(tenant.Id, "big-call", "eu-west", json, gzip: true), CancellationToken.None);

        var clock = Stopwatch.StartNew();
        Assert.Equal(1, await storage.DrainAsync());
        output.WriteLine($"{json.Length / 1024} KiB, 2000 peer connections: processed in {clock.ElapsedMilliseconds} ms");

        var stats = await storage.Regions.GetStatsAsync(tenant.Id, "eu-west", TimeSpan.FromHours(1), CancellationToken.None);
        var bytes = Enumerable.Range(0, 2000).Where(i => i % 5 != 0).Sum(i => 10_000L + i);
        Assert.Equal((2000L, 1600L, 400L, bytes), (stats!.PeerConnections, stats.Connected, stats.Failed, stats.BytesRelayed));
        Assert.Equal(2000L, await storage.ScalarAsync<long>("SELECT count(*) FROM verdicts"));
    }
}
