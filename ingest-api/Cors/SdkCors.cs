using Microsoft.AspNetCore.Cors.Infrastructure;

namespace IceWatch.IngestApi.Cors;

/// <summary>
/// Lets browsers post to the upload endpoints from the app's own origin. The page sends a key (as a bearer
/// header, or a publishable key in the query string) and JSON (maybe gzip, or text/plain from a beacon), so
/// the preflight allows those headers, and the SDK reads Retry-After. Which origins are allowed depends on
/// the key: see <see cref="SdkCorsPolicyProvider"/>.
/// </summary>
public static class SdkCors
{
    public const string Policy = "sdk";

    public static IServiceCollection AddSdkCors(this IServiceCollection services)
    {
        services.AddSingleton<ICorsPolicyProvider, SdkCorsPolicyProvider>();
        services.AddCors();
        return services;
    }
}
