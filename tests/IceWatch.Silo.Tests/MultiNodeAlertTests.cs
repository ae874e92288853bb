using System.Text.Json;
using IceWatch.Grains.Alerting;
using IceWatch.Testing;

namespace IceWatch.Silo.Tests;

/// <summary>Two silo processes evaluate the same regions at once; each transition reaches the receiver exactly once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MultiNodeAlertTests(PostgresFixture postgres)
{
    private static readonly string[] Regions = ["mn-a", "mn-b", "mn-c"];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_silos_evaluating_together_send_exactly_one_notification_per_transition()
    {
        await using var storage = await Storage.CreateAsync(postgres, "alert_nodes");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        using var receiver = new NotificationReceiver();
        await storage.Get<NotificationTargetStore>().AddAsync(tenant.Id, NotificationTargetKinds.Webhook, null, receiver.Url, "secret-secret-secret", CancellationToken.None);
        foreach (var region in Regions)
            await storage.Get<AlertRuleStore>().SetAsync(tenant.Id, IncidentScope.RegionKind, region,
                new AlertRuleSettings { Threshold = 0.2, RecoveryThreshold = 0.1, MinPeerConnections = 10, ResolveAfterSeconds = 1 }, CancellationToken.None);

        var settings = new Dictionary<string, string> { ["ICEWATCH_ALERT_INTERVAL_SECONDS"] = "0.2" };
        using var first = SiloProcess.Start(storage.ConnectionString, settings);
        using var second = SiloProcess.Start(storage.ConnectionString, settings);

        foreach (var region in Regions) await AcceptAsync(storage, tenant.Id, region, connected: 10, failed: 10);
        foreach (var region in Regions) await receiver.WaitForAsync(r => Is(r, "fired", region), Timeout);
        foreach (var region in Regions) await AcceptAsync(storage, tenant.Id, region, connected: 90, failed: 0);
        foreach (var region in Regions) await receiver.WaitForAsync(r => Is(r, "resolved", region), Timeout);
        await Task.Delay(TimeSpan.FromSeconds(2));

        foreach (var region in Regions)
        {
            Assert.Single(receiver.Requests, r => Is(r, "fired", region));
            Assert.Single(receiver.Requests, r => Is(r, "resolved", region));
        }
        // Each transition was decided by exactly one of the two nodes.
        Assert.Equal(3, first.CountOf("Alert fired") + second.CountOf("Alert fired"));
        Assert.Equal(3, first.CountOf("Alert resolved") + second.CountOf("Alert resolved"));
        Assert.False(first.HasExited, first.Output);
        Assert.False(second.HasExited, second.Output);
        Assert.Equal(3L, await storage.ScalarAsync<long>("SELECT count(*) FROM alert_incidents WHERE scope_kind = 'region' AND status = 'resolved'"));
    }

    private static int _session;

    // One session per call: the paging rule counts clients, and a session is its own client.
    private static async Task AcceptAsync(Storage storage, Guid tenantId, string region, int connected, int failed)
    {
        foreach (var report in AlertCalls.Reports(connected, failed))
        {
            var session = $"mn-{Interlocked.Increment(ref _session)}";
            await storage.Inbox.AcceptAsync(SdkReports.Upload(tenantId, session, region, SdkReports.Document(session, region, [report])), CancellationToken.None);
        }
    }

    private static bool Is(ReceivedRequest r, string ev, string region)
    {
        var root = JsonDocument.Parse(r.Body).RootElement;
        return root.GetProperty("event").GetString() == ev && root.GetProperty("incident").GetProperty("scope").GetProperty("value").GetString() == region;
    }
}
