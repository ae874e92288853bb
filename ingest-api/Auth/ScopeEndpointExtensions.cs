using Microsoft.AspNetCore.Mvc;

namespace IceWatch.IngestApi.Auth;

public static class ScopeEndpointExtensions
{
    /// <summary>Requires an API key with <paramref name="scope"/>; a key without it gets 403 problem details.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiScopes.Policy(scope))
            .WithMetadata(new RequiredScope(scope))
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]))
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]));
}
