using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Cors;
using IceWatch.IngestApi.OpenApi;
using IceWatch.IngestApi.Problems;
using IceWatch.IngestApi.RateLimiting;
using IceWatch.IngestApi.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IceWatch.IngestApi.Endpoints;

public static class DumpEndpoints
{
    public static RouteGroupBuilder MapDumpEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/dumps").WithTags("Uploads").RequireScope(ApiScopes.IngestDumps).RequireCors(SdkCors.Policy)
            .AddEndpointFilter<RouteGroupBuilder, PublishableRateLimitFilter>();
        group.MapPost("/", PostDumpAsync)
            .WithName("UploadDump")
            .WithSummary("Upload a chrome://webrtc-internals dump (JSON) or an rtcstats dump, raw or gzip.")
            .AddOpenApiOperationTransformer(RequestBodies.DumpAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    public static async Task<Results<Accepted<UploadAccepted>, ProblemHttpResult>> PostDumpAsync(
        string? session, string? region, HttpRequest request, ClaimsPrincipal user, UploadIngestor ingestor, CancellationToken ct)
    {
        var sessionId = session ?? Identifiers.NewSessionId();
        if (!Identifiers.IsSessionId(sessionId)) return Problem(Identifiers.DescribeSessionId(sessionId));
        var regionName = region ?? Identifiers.DefaultRegion;
        if (!Identifiers.IsRegion(regionName)) return Problem(Identifiers.DescribeRegion(regionName));

        try
        {
            var (accepted, summary) = await ingestor.DumpAsync(request, user.TenantId(), sessionId, regionName, ct);
            return TypedResults.Accepted(
                SessionEndpoints.Location(accepted.SessionId),
                new UploadAccepted(accepted.SessionId, accepted.UploadId, accepted.Duplicate, summary.PeerConnections, summary.EmptyEntries, UploadNotes.For(summary)));
        }
        catch (UploadRejectedException rejected)
        {
            return TypedResults.Problem(rejected.Message, statusCode: rejected.StatusCode, title: rejected.Title);
        }
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
