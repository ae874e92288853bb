using Microsoft.AspNetCore.Mvc;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Uploads;
using IceWatch.Silo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IceWatch.IngestApi.Endpoints;

/// <summary>API key management, for the holder of ICEWATCH_ADMIN_KEY only.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/admin").WithTags("Admin").RequireAuthorization(AdminKeyAuthenticationHandler.Policy);
        group.MapPost("/tenants/{tenant}/keys", IssueAsync).WithName("IssueApiKey")
            .WithSummary("Create a tenant's API key (and the tenant if new): kind=publishable|read|admin (default admin), origin= (repeated, publishable only); the key is shown only in this answer.");
        group.MapGet("/tenants/{tenant}/keys", ListAsync).WithName("ListApiKeys").WithSummary("A tenant's keys, without the keys themselves.");
        group.MapDelete("/keys/{keyId:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke an API key.");
        return group;
    }

    /// <summary>Kind defaults to admin, as before kinds existed; a publishable key may name its origins with repeated <c>origin=</c>.</summary>
    public static async Task<Results<Created<IssuedApiKey>, ProblemHttpResult>> IssueAsync(
        string tenant, string? label, string? kind, [FromQuery] string[]? origin, ApiKeyAdmin keys, CancellationToken ct)
    {
        if (!Identifiers.IsRegion(tenant)) return BadTenant(tenant);
        kind ??= KeyKinds.Admin;
        if (KeyEndpoints.Validate(kind, label, origin is { Length: > 0 } ? origin : null, out var origins) is { } error)
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
        var (info, apiKey) = await keys.IssueAsync(tenant, label, kind, origins, ct);
        return TypedResults.Created($"/v1/admin/tenants/{tenant}/keys", new IssuedApiKey(info.KeyId, info.Tenant, info.Label, apiKey, info.Kind, info.Origins));
    }

    public static async Task<Results<Ok<IReadOnlyList<ApiKeyInfo>>, ProblemHttpResult>> ListAsync(string tenant, ApiKeyAdmin keys, CancellationToken ct) =>
        Identifiers.IsRegion(tenant) ? TypedResults.Ok(await keys.ListAsync(tenant, ct)) : BadTenant(tenant);

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid keyId, ApiKeyAdmin keys, TenantKeyCache cache, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(keyId, ct))
            return TypedResults.Problem($"No API key with id {keyId}.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        cache.Clear();
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult BadTenant(string tenant) => TypedResults.Problem(
        $"'{tenant}' is not a valid tenant name: 1-64 characters of [A-Za-z0-9._:-].", statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
