using IceWatch.IngestApi.Options;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IceWatch.Api.Tests;

/// <summary>The real application on a test server, pointed at its own database.</summary>
/// <remarks>Any public type of the API assembly names its entry point; <c>Program</c> would be ambiguous with the silo's.</remarks>
public sealed class IngestApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<IngestOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
