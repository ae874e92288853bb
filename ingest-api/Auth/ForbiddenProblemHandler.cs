using IceWatch.IngestApi.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace IceWatch.IngestApi.Auth;

/// <summary>Answers a key outside an endpoint's scope, or a publishable key from a foreign origin, with 403 problem details.</summary>
public sealed class ForbiddenProblemHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden || policy.AuthenticationSchemes.Contains(UiDefaults.Scheme))
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }

        var reason = result.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message;
        var scope = context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope ?? ApiScopes.Admin;
        var kind = context.User.FindFirst(ApiKeyDefaults.KindClaim)?.Value ?? "this";
        var granted = string.Join(", ", context.User.FindAll(ApiKeyDefaults.ScopeClaim).Select(c => $"'{c.Value}'"));
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = reason ?? $"This endpoint needs the '{scope}' scope; a {kind} key has {(granted.Length == 0 ? "none" : granted)}.",
                Extensions = { ["requiredScope"] = scope },
            },
        });
    }
}
