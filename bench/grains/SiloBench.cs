using System.Net;
using System.Net.Sockets;
using IceWatch.Grains.Cluster;
using IceWatch.Grains.Parsing;
using IceWatch.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IceWatch.Bench.Grains;

/// <summary>A silo in this process on the given database, and uploads handed to session grains as the API hands them.</summary>
public sealed class SiloBench(IHost host, Guid tenantId)
{
    public Guid TenantId => tenantId;

    public static async Task<int> RunAsync(string database, Func<SiloBench, Task<string>> measure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ICEWATCH_DATABASE"] = database,
            ["ICEWATCH_CLUSTER_ID"] = $"bench-{Guid.NewGuid():N}",
            ["ICEWATCH_SILO_PORT"] = FreePort().ToString(),
            ["ICEWATCH_GATEWAY_PORT"] = FreePort().ToString(),
            ["ICEWATCH_SESSION_IDLE_SECONDS"] = "3600",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddIceWatchSilo();
        using var host = builder.Build();
        await host.StartAsync();
        var tenant = await host.Services.GetRequiredService<TenantStore>().EnsureTenantAsync("bench", CancellationToken.None);
        Console.WriteLine(await measure(new SiloBench(host, tenant.Id)));
        await host.StopAsync();
        return 0;
    }

    /// <summary>Accepts the body into the inbox and hands it to its session, awaiting the step.</summary>
    public async Task ProcessAsync(string sessionId, byte[] body, CancellationToken ct = default)
    {
        var accepted = await host.Services.GetRequiredService<InboxStore>().AcceptAsync(
            new Upload(tenantId, sessionId, "bench", UploadFormat.SdkReport, body, System.Security.Cryptography.SHA256.HashData(body)), ct);
        await Grain(sessionId).ProcessAsync(new UploadHandoff(accepted.UploadId, accepted.ReceivedAt!.Value, body), ct);
    }

    public ISessionGrain Grain(string sessionId) => host.Services.GetRequiredService<IGrainFactory>().GetGrain<ISessionGrain>(tenantId, sessionId);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
