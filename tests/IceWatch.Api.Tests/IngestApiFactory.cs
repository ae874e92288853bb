using IceWatch.IngestApi.Options;
using IceWatch.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IceWatch.Api.Tests;

/// <summary>The real application on a test server, pointed at its own database, its silo on loopback ports of its own.</summary>
/// <remarks>Any public type of the API assembly names its entry point; <c>Program</c> would be ambiguous with the silo's.</remarks>
public sealed class IngestApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<IngestOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ICEWATCH_SILO_PORT", FreePorts.Next().ToString());
        builder.UseSetting("ICEWATCH_GATEWAY_PORT", FreePorts.Next().ToString());
        builder.UseSetting("ICEWATCH_CLUSTER_ID", $"api-{Guid.NewGuid():N}");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
