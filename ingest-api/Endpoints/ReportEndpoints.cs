using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Cors;
using IceWatch.IngestApi.OpenApi;
using IceWatch.IngestApi.Problems;
using IceWatch.IngestApi.RateLimiting;
using IceWatch.IngestApi.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace IceWatch.IngestApi.Endpoints;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/reports").WithTags("Uploads").RequireScope(ApiScopes.IngestReports).RequireCors(SdkCors.Policy)
            .AddEndpointFilter<RouteGroupBuilder, PublishableRateLimitFilter>();
        group.MapPost("/", PostReportsAsync)
            .WithName("UploadReports")
            .WithSummary("Upload a batch of SDK reports for one session (JSON, raw or gzip).")
            .AddOpenApiOperationTransformer(RequestBodies.SdkReportBatchAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    public static async Task<Results<Accepted<ReportsAccepted>, ProblemHttpResult>> PostReportsAsync(
        HttpRequest request, ClaimsPrincipal user, UploadIngestor ingestor, CancellationToken ct)
    {
        if (!IsJsonOrBeacon(request.ContentType))
            return TypedResults.Problem(
                $"Content-Type '{request.ContentType}' is not JSON; SDK reports are sent as application/json (optionally with Content-Encoding: gzip), "
                + "or as text/plain, which is what navigator.sendBeacon sends without a preflight.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type");

        try
        {
            var (accepted, summary) = await ingestor.ReportAsync(request, user.TenantId(), ct);
            return TypedResults.Accepted(
                SessionEndpoints.Location(accepted.SessionId),
                new ReportsAccepted(accepted.SessionId, accepted.UploadId, accepted.Duplicate, summary.PeerConnections, summary.EmptyEntries, UploadNotes.For(summary)));
        }
        catch (UploadRejectedException rejected)
        {
            return TypedResults.Problem(rejected.Message, statusCode: rejected.StatusCode, title: rejected.Title);
        }
    }

    // text/plain is a CORS-safelisted type: a beacon (or a fetch) carrying a publishable key in the query
    // string needs no preflight. The body must still be the JSON batch.
    private static bool IsJsonOrBeacon(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
