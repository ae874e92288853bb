using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Uploads;
using IceWatch.Silo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IceWatch.IngestApi.Endpoints;

public static class SessionEndpoints
{
    public static string Location(string sessionId) => $"/v1/sessions/{Uri.EscapeDataString(sessionId)}";

    public static RouteGroupBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/sessions").WithTags("Sessions").RequireScope(ApiScopes.Read);
        group.MapGet("/{id}", GetSessionAsync)
            .WithName("GetSession")
            .WithSummary("A session with one verdict per peer connection (empty until its uploads are processed).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    public static async Task<Results<Ok<SessionView>, ProblemHttpResult>> GetSessionAsync(
        string id, ClaimsPrincipal user, SessionQueries sessions, CancellationToken ct)
    {
        if (!Identifiers.IsSessionId(id))
            return TypedResults.Problem(Identifiers.DescribeSessionId(id), statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");

        var view = await sessions.GetAsync(user.TenantId(), id, ct);
        return view is null
            ? TypedResults.Problem($"No session '{id}' for this API key's tenant.", statusCode: StatusCodes.Status404NotFound, title: "Not Found")
            : TypedResults.Ok(view);
    }
}
