using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Options;
using IceWatch.Silo;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Cors;

/// <summary>
/// The upload endpoints' CORS policy: the origins of ICEWATCH_SDK_ORIGINS (any by default), narrowed to a
/// publishable key's own origins when the request shows the key. A preflight shows a key only when it
/// travels in the query string; for a bearer key the real request is checked against the key's origins
/// by authorization (403), so a foreign page can neither post with the key nor read the answer.
/// </summary>
public sealed class SdkCorsPolicyProvider(TenantKeyCache keys, IOptions<IngestOptions> options) : ICorsPolicyProvider
{
    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != SdkCors.Policy) return null;
        var global = options.Value.SdkOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var allowed = global.Contains("*") ? null : global;
        if (Presented(context.Request) is { Length: > 0 and <= 512 } presented
            && await keys.FindAsync(presented, context.RequestAborted) is { Kind: KeyKinds.Publishable, Origins: { } own })
            allowed = allowed is null ? own.ToArray() : allowed.Intersect(own, StringComparer.OrdinalIgnoreCase).ToArray();

        var policy = new CorsPolicyBuilder()
            .WithMethods("POST")
            .WithHeaders("Authorization", "Content-Type", "Content-Encoding")
            .WithExposedHeaders("Retry-After", "Location")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        if (allowed is null) policy.AllowAnyOrigin();
        else policy.WithOrigins(allowed);
        return policy.Build();
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Query.TryGetValue(ApiKeyDefaults.QueryParameter, out var key)) return key.ToString().Trim();
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
