using IceWatch.Testing;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AlertEvaluationTests(PostgresFixture postgres)
{
    private static readonly Dictionary<string, string?> FastSettings = new() { ["ICEWATCH_ALERT_INTERVAL_SECONDS"] = "0.2" };

    /// <summary>Wakes every scope with counts (as the silos' sweep does) and lets its grain evaluate twice.</summary>
    private static async Task EvaluateAsync(Storage storage)
    {
        await storage.GrainsAsync();
        await storage.Get<AlertScopeSweep>().PassAsync(CancellationToken.None);
        await Task.Delay(500);
    }

    [Fact]
    public async Task A_region_over_its_threshold_opens_one_incident_and_queues_one_notification_per_target()
    {
        await using var storage = await Storage.CreateAsync(postgres, "alert_fire", FastSettings);
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var targets = storage.Get<NotificationTargetStore>();
        await targets.AddAsync(tenant.Id, NotificationTargetKinds.Webhook, "hook", "http://127.0.0.1:9/hook", "s3cret-s3cret", CancellationToken.None);
        await targets.AddAsync(tenant.Id, NotificationTargetKinds.Alertmanager, null, "http://127.0.0.1:9", null, CancellationToken.None);

        // Sessions are processed concurrently and the region evaluates every 0.2 s: with the healthy calls
        // in first, no moment along the way has a higher rate than the end's 15 of 500.
        await AlertCalls.AddAsync(storage, tenant.Id, "eu-west", connected: 485, failed: 0);
        await AlertCalls.AddAsync(storage, tenant.Id, "eu-west", connected: 0, failed: 15);
        await EvaluateAsync(storage);
        await EvaluateAsync(storage);

        Assert.Equal(1L, await storage.ScalarAsync<long>("SELECT count(*) FROM alert_incidents WHERE status = 'firing' AND scope_kind = 'region' AND scope_value = 'eu-west'"));
        Assert.Equal(0.03, await storage.ScalarAsync<double>("SELECT peak_rate FROM alert_incidents WHERE scope_kind = 'region'"), 6);
        Assert.Equal(2L, await storage.ScalarAsync<long>("SELECT count(*) FROM alert_outbox WHERE event = 'fired'"));
        Assert.Equal(2L, await storage.ScalarAsync<long>("SELECT count(*) FROM alert_outbox"));
    }

    [Fact]
    public async Task One_failure_in_twenty_calls_opens_nothing()
    {
        await using var storage = await Storage.CreateAsync(postgres, "alert_quiet", FastSettings);
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);

        await AlertCalls.AddAsync(storage, tenant.Id, "eu-west", connected: 19, failed: 1);
        await EvaluateAsync(storage);

        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM alert_incidents"));
        // The region was evaluated (its state row exists) and, with nothing to change, nothing was written.
        Assert.Equal(1L, await storage.ScalarAsync<long>("SELECT count(*) FROM alert_states WHERE scope_kind = 'region' AND version = 0"));
    }
}
