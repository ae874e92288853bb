using IceWatch.Grains.Cluster;
using IceWatch.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class HostedSiloTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_started_silo_migrates_the_database_and_processes_a_handed_over_upload_without_the_recovery_sweep()
    {
        var connectionString = await postgres.CreateDatabaseAsync("hosted");
        using var host = Build(new(Storage.SiloSettings(connectionString, "hosted")) { ["ICEWATCH_RECOVERY_GRACE_SECONDS"] = "600" });
        await host.StartAsync();
        try
        {
            var tenant = await host.Services.GetRequiredService<TenantStore>().EnsureTenantAsync("acme", CancellationToken.None);
            var accepted = await host.Services.GetRequiredService<InboxStore>().AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
                SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.Recent))), CancellationToken.None);

            // The recovery sweep leaves uploads younger than ten minutes alone, so only the handoff can process this one.
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            _ = grains.GetGrain<ISessionGrain>(tenant.Id, "call-1").ProcessAsync(new UploadHandoff(accepted.UploadId, accepted.ReceivedAt!.Value, null));
            var view = await WaitForAsync(host, tenant.Id, v => v is { PendingUploads: 0 }, TimeSpan.FromSeconds(30));
            Assert.Single(view!.PeerConnections);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task An_upload_nobody_handed_over_is_processed_by_the_recovery_sweep()
    {
        var connectionString = await postgres.CreateDatabaseAsync("hosted_recovery");
        using var host = Build(new(Storage.SiloSettings(connectionString, "hosted_recovery")) { ["ICEWATCH_RECOVERY_GRACE_SECONDS"] = "1" });
        await host.StartAsync();
        try
        {
            var tenant = await host.Services.GetRequiredService<TenantStore>().EnsureTenantAsync("acme", CancellationToken.None);
            await host.Services.GetRequiredService<InboxStore>().AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
                SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.Recent))), CancellationToken.None);

            var view = await WaitForAsync(host, tenant.Id, v => v is { PendingUploads: 0 }, TimeSpan.FromSeconds(10));
            Assert.Single(view!.PeerConnections);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_started_silo_fails_a_stalled_peer_connection_at_its_deadline_without_a_new_upload()
    {
        var connectionString = await postgres.CreateDatabaseAsync("hosted_stall");
        using var host = Build(new(Storage.SiloSettings(connectionString, "hosted_stall")) { ["ICEWATCH_STALL_DEADLINE_SECONDS"] = "3", ["ICEWATCH_RECOVERY_GRACE_SECONDS"] = "0.1" });
        await host.StartAsync();
        try
        {
            var tenant = await host.Services.GetRequiredService<TenantStore>().EnsureTenantAsync("acme", CancellationToken.None);
            await host.Services.GetRequiredService<InboxStore>().AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
                SdkReports.Document("call-1", "eu-west", SdkReports.Checking("pc-1", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))), CancellationToken.None);

            var sessions = host.Services.GetRequiredService<SessionQueries>();
            var outcomes = new List<string>();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && outcomes.LastOrDefault() != "failed")
            {
                var view = await sessions.GetAsync(tenant.Id, "call-1", CancellationToken.None);
                if (view?.PeerConnections.FirstOrDefault()?.Outcome is { } outcome && outcome != outcomes.LastOrDefault()) outcomes.Add(outcome);
                await Task.Delay(20);
            }
            Assert.Equal(["pending", "failed"], outcomes);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("ICEWATCH_DATABASE", "")]
    [InlineData("ICEWATCH_STALL_DEADLINE_SECONDS", "0")]
    [InlineData("ICEWATCH_SILO_PORT", "soon")]
    [InlineData("ICEWATCH_MISSED_PROBES", "0")]
    [InlineData("ICEWATCH_SILO_ADDRESS", "silo.example")]
    public async Task A_silo_with_an_invalid_setting_refuses_to_start(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["ICEWATCH_DATABASE"] = "Host=127.0.0.1;Port=1;Database=none", [key] = value };

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var host = Build(settings);
            await host.StartAsync();
        });

        Assert.True(error is OptionsValidationException or InvalidOperationException, error.ToString());
        Assert.Contains(key, error.Message);
    }

    private static async Task<SessionView?> WaitForAsync(IHost host, Guid tenantId, Func<SessionView?, bool> done, TimeSpan timeout)
    {
        var sessions = host.Services.GetRequiredService<SessionQueries>();
        var deadline = DateTime.UtcNow + timeout;
        SessionView? view;
        while (!done(view = await sessions.GetAsync(tenantId, "call-1", CancellationToken.None)) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.True(done(view), $"not within {timeout}");
        return view;
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIceWatchSilo();
        return builder.Build();
    }
}
