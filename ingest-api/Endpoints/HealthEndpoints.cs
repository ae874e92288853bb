using IceWatch.IngestApi.Health;
using IceWatch.IngestApi.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IceWatch.IngestApi.Endpoints;

public static class HealthEndpoints
{
    public static IEndpointConventionBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/healthz", GetHealthAsync)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("200 once the schema is migrated and the database answers; 503 problem before.")
            .AllowAnonymous();

    public static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> GetHealthAsync(
        DatabaseProbe probe, IOptions<IngestOptions> options, HttpResponse response, CancellationToken ct)
    {
        if (await probe.FindProblemAsync(ct) is not { } problem) return TypedResults.Ok(new HealthStatus("healthy"));
        response.Headers[HeaderNames.RetryAfter] = options.Value.RetryAfterSeconds.ToString();
        return TypedResults.Problem(problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable");
    }
}
