using System.Security.Claims;
using IceWatch.Grains.Cluster;
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
        string region, string? window, ClaimsPrincipal user, RegionQueries regions, IGrainFactory grains, ILoggerFactory logs, CancellationToken ct)
    {
        if (!Identifiers.IsRegion(region)) return BadRequest(Identifiers.DescribeRegion(region));
        if (!StatsWindow.TryParse(window ?? StatsWindow.Default, out var span, out var error)) return BadRequest(error);

        var stats = await RecentStatsAsync(grains, user.TenantId(), region, span, logs, ct) ?? await regions.GetStatsAsync(user.TenantId(), region, span, ct);
        return stats is null
            ? TypedResults.Problem($"No region '{region}' for this API key's tenant.", statusCode: StatusCodes.Status404NotFound, title: "Not Found")
            : TypedResults.Ok(stats);
    }

    /// <summary>
    /// Windows up to an hour come from the region's grain, which holds them in memory; longer ones, or
    /// any while no silo answers, from the minute table. Null when the grain cannot answer.
    /// </summary>
    private static async Task<RegionStats?> RecentStatsAsync(IGrainFactory grains, Guid tenantId, string region, TimeSpan span, ILoggerFactory logs, CancellationToken ct)
    {
        if (span > AlertScopeOptions.MinimumSpan) return null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            return await grains.GetGrain<IRegionGrain>(tenantId, region).GetStatsAsync(span, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logs.CreateLogger(typeof(RegionEndpoints)).LogDebug(e, "The region grain did not answer; reading the minute table");
            return null;
        }
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
