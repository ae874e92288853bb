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
    public async Task A_started_silo_migrates_the_database_and_processes_a_new_upload_within_a_second()
    {
        var connectionString = await postgres.CreateDatabaseAsync("hosted");
        using var host = Build(new() { ["ICEWATCH_DATABASE"] = connectionString, ["ICEWATCH_POLL_INTERVAL_MS"] = "5000" });
        await host.StartAsync();
        try
        {
            var tenants = host.Services.GetRequiredService<TenantStore>();
            var tenant = await tenants.EnsureTenantAsync("acme", CancellationToken.None);
            await Task.Delay(300); // let the listener subscribe
            await host.Services.GetRequiredService<InboxStore>().AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
                SdkReports.Document("call-1", "eu-west", SdkReports.Connected("pc-1", SdkReports.Recent))), CancellationToken.None);

            // The poll interval is 5 s, so finishing within a second means the notification woke a worker.
            var sessions = host.Services.GetRequiredService<SessionQueries>();
            var deadline = DateTime.UtcNow.AddSeconds(1);
            SessionView? view;
            while ((view = await sessions.GetAsync(tenant.Id, "call-1", CancellationToken.None)) is not { PendingUploads: 0 } && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            Assert.Equal(0, view?.PendingUploads);
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
        using var host = Build(new() { ["ICEWATCH_DATABASE"] = connectionString, ["ICEWATCH_STALL_DEADLINE_SECONDS"] = "1" });
        await host.StartAsync();
        try
        {
            var tenant = await host.Services.GetRequiredService<TenantStore>().EnsureTenantAsync("acme", CancellationToken.None);
            await host.Services.GetRequiredService<InboxStore>().AcceptAsync(SdkReports.Upload(tenant.Id, "call-1", "eu-west",
                SdkReports.Document("call-1", "eu-west", SdkReports.Checking("pc-1", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))), CancellationToken.None);

            var sessions = host.Services.GetRequiredService<SessionQueries>();
            var outcomes = new List<string>();
            var deadline = DateTime.UtcNow.AddSeconds(5);
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
    [InlineData("ICEWATCH_WORKERS", "0")]
    [InlineData("ICEWATCH_POLL_INTERVAL_MS", "soon")]
    public async Task A_silo_with_an_invalid_setting_refuses_to_start(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["ICEWATCH_DATABASE"] = "Host=127.0.0.1;Port=1;Database=none", [key] = value };
        using var host = Build(settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.True(error is OptionsValidationException or InvalidOperationException, error.ToString());
        Assert.Contains(key, error.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddIceWatchSilo(builder.Configuration);
        return builder.Build();
    }
}
