using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.Silo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IceWatch.IngestApi.Endpoints;

/// <summary>A tenant's own keys, managed with one of its admin keys.</summary>
public static class KeyEndpoints
{
    public static RouteGroupBuilder MapKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/keys").WithTags("Keys").RequireScope(ApiScopes.Admin);
        group.MapGet("/", ListAsync).WithName("ListKeys").WithSummary("This tenant's keys with their kind and origins, never the keys themselves.");
        group.MapPost("/", CreateAsync).WithName("CreateKey")
            .WithSummary("Creates a publishable, read or admin key for this tenant; the key is shown only in this answer.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{keyId:guid}", RevokeAsync).WithName("RevokeKey").WithSummary("Revokes one of this tenant's keys.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListAsync(ClaimsPrincipal user, ApiKeyAdmin keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.ListAsync(user.TenantId(), ct));

    public static async Task<Results<Created<IssuedApiKey>, ProblemHttpResult>> CreateAsync(
        KeyRequest request, ClaimsPrincipal user, ApiKeyAdmin keys, CancellationToken ct)
    {
        if (Validate(request.Kind, request.Label, request.Origins, out var origins) is { } error) return BadRequest(error);
        var tenant = new Tenant(user.TenantId(), user.FindFirstValue(ApiKeyDefaults.TenantNameClaim) ?? "");
        var (info, apiKey) = await keys.IssueAsync(tenant, request.Label, request.Kind!, origins, ct);
        return TypedResults.Created($"/v1/keys/{info.KeyId}", new IssuedApiKey(info.KeyId, info.Tenant, info.Label, apiKey, info.Kind, info.Origins));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid keyId, ClaimsPrincipal user, ApiKeyAdmin keys, TenantKeyCache cache, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(user.TenantId(), keyId, ct))
            return TypedResults.Problem($"No API key {keyId} for this tenant.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        cache.Clear();
        return TypedResults.NoContent();
    }

    /// <summary>Why a key cannot be made this way, or null; origins come back as browsers send them.</summary>
    public static string? Validate(string? kind, string? label, IReadOnlyList<string>? requested, out IReadOnlyList<string>? origins)
    {
        origins = null;
        if (!KeyKinds.IsKnown(kind)) return $"kind '{kind}' must be one of {string.Join(", ", KeyKinds.All)}.";
        if (label is { Length: > 200 }) return "label must be at most 200 characters.";
        if (requested is not null && kind != KeyKinds.Publishable) return "only publishable keys take origins: read and admin keys never belong in a web page.";
        return OriginList.TryNormalize(requested, out origins, out var error) ? null : error;
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
