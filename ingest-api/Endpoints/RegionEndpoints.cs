using System.Security.Claims;
using IceWatch.Grains.Regions;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Uploads;
using IceWatch.Silo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IceWatch.IngestApi.Endpoints;

public static class RegionEndpoints
{
    public static RouteGroupBuilder MapRegionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/regions").WithTags("Regions").RequireScope(ApiScopes.Read);
        group.MapGet("/{region}/stats", GetStatsAsync)
            .WithName("GetRegionStats")
            .WithSummary("ICE failure rate, root causes and relay traffic of a region over a window ending now (default 5m, at most 30d).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    public static async Task<Results<Ok<RegionStats>, ProblemHttpResult>> GetStatsAsync(
        string region, string? window, ClaimsPrincipal user, RegionQueries regions, CancellationToken ct)
    {
        if (!Identifiers.IsRegion(region)) return BadRequest(Identifiers.DescribeRegion(region));
        if (!StatsWindow.TryParse(window ?? StatsWindow.Default, out var span, out var error)) return BadRequest(error);

        var stats = await regions.GetStatsAsync(user.TenantId(), region, span, ct);
        return stats is null
            ? TypedResults.Problem($"No region '{region}' for this API key's tenant.", statusCode: StatusCodes.Status404NotFound, title: "Not Found")
            : TypedResults.Ok(stats);
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
