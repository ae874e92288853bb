using IceWatch.IngestApi.Health;
using IceWatch.IngestApi.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IceWatch.IngestApi.Endpoints;

/// <summary>
/// Orchestrator probes: <c>/livez</c> says the process serves (no database, so an outage does not
/// restart every pod), <c>/readyz</c> says the database answers (cached for a second).
/// </summary>
public static class ProbeEndpoints
{
    public static IEndpointRouteBuilder MapProbeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/livez", () => TypedResults.Ok(new HealthStatus("alive")))
            .WithName("Liveness").WithTags("Health").WithSummary("200 while the process serves HTTP.").AllowAnonymous().DisableRateLimiting();
        routes.MapGet("/readyz", GetReadinessAsync)
            .WithName("Readiness").WithTags("Health").WithSummary("200 when the database answers; 503 with Retry-After otherwise.")
            .AllowAnonymous().DisableRateLimiting();
        return routes;
    }

    public static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> GetReadinessAsync(
        ReadinessProbe probe, IOptions<IngestOptions> options, HttpResponse response, CancellationToken ct)
    {
        if (await probe.FindProblemAsync(ct) is not { } problem) return TypedResults.Ok(new HealthStatus("ready"));
        response.Headers[HeaderNames.RetryAfter] = options.Value.RetryAfterSeconds.ToString();
        return TypedResults.Problem(problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable");
    }
}
