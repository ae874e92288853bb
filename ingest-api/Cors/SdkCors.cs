using IceWatch.IngestApi.Options;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Cors;

/// <summary>
/// Lets the browser SDK post reports from the app's own origin: the page sends a bearer key and
/// JSON (maybe gzip), so the preflight must allow those headers, and the SDK reads Retry-After.
/// </summary>
public static class SdkCors
{
    public const string Policy = "sdk";

    public static IServiceCollection AddSdkCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<IngestOptions>>((cors, ingest) =>
            cors.AddPolicy(Policy, policy =>
            {
                var origins = ingest.Value.SdkOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (origins.Contains("*")) policy.AllowAnyOrigin();
                else policy.WithOrigins(origins);
                policy.WithMethods("POST")
                    .WithHeaders("Authorization", "Content-Type", "Content-Encoding")
                    .WithExposedHeaders("Retry-After", "Location")
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
            }));
        return services;
    }
}
