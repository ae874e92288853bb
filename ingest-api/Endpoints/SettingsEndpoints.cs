using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.Silo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IceWatch.IngestApi.Endpoints;

/// <summary>The tenant's own settings: for now, whether its publishable keys may post dumps.</summary>
public static class SettingsEndpoints
{
    public static RouteGroupBuilder MapSettingsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/settings").WithTags("Keys").RequireScope(ApiScopes.Admin);
        group.MapGet("/", GetAsync).WithName("GetSettings").WithSummary("This tenant's settings.");
        group.MapPut("/", PutAsync).WithName("SetSettings")
            .WithSummary("Sets this tenant's settings; publishableDumps lets its publishable keys post dumps (other processes see it within the key cache period).");
        return group;
    }

    public static async Task<Ok<TenantSettings>> GetAsync(ClaimsPrincipal user, TenantStore tenants, CancellationToken ct) =>
        TypedResults.Ok(await tenants.GetSettingsAsync(user.TenantId(), ct));

    public static async Task<Ok<TenantSettings>> PutAsync(TenantSettings settings, ClaimsPrincipal user, TenantStore tenants, TenantKeyCache cache, CancellationToken ct)
    {
        var saved = await tenants.SetSettingsAsync(user.TenantId(), settings, ct);
        cache.Clear();
        return TypedResults.Ok(saved);
    }
}
