using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Endpoints;
using IceWatch.Silo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IceWatch.IngestApi.Alerts;

public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/alerts").WithTags("Alerts").RequireScope(ApiScopes.Read);
        group.MapGet("/", ListAsync)
            .WithName("ListAlerts")
            .WithSummary("Incidents: every firing one, then those that started or ended within the window (default 7d); status=firing|resolved filters.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetAlert")
            .WithSummary("One incident with its causes and worst sessions.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<AlertIncident>>, ProblemHttpResult>> ListAsync(
        string? status, string? window, int? limit, ClaimsPrincipal user, AlertIncidentQueries incidents, TimeProvider clock, CancellationToken ct)
    {
        if (status is not (null or AlertIncident.Firing or AlertIncident.Resolved)) return BadRequest($"status '{status}' must be firing or resolved.");
        if (!StatsWindow.TryParse(window ?? "7d", out var span, out var error)) return BadRequest(error);
        if (limit is < 1 or > 1000) return BadRequest("limit must be in [1, 1000].");
        return TypedResults.Ok(await incidents.ListAsync(user.TenantId(), status, clock.GetUtcNow() - span, limit ?? 100, ct));
    }

    public static async Task<Results<Ok<AlertIncident>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, AlertIncidentQueries incidents, CancellationToken ct) =>
        await incidents.GetAsync(user.TenantId(), id, ct) is { } incident
            ? TypedResults.Ok(incident)
            : TypedResults.Problem($"No incident '{id}' for this API key's tenant.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
