using Microsoft.AspNetCore.Authorization;

namespace IceWatch.IngestApi.Auth;

/// <summary>A publishable key with an origin list is accepted only from a page on one of those origins.</summary>
public sealed class AllowedOriginRequirement : AuthorizationHandler<AllowedOriginRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AllowedOriginRequirement requirement)
    {
        var allowed = context.User.FindAll(ApiKeyDefaults.OriginClaim).Select(c => c.Value).ToList();
        if (allowed.Count == 0)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var origin = (context.Resource as HttpContext)?.Request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin) && allowed.Contains(origin, StringComparer.OrdinalIgnoreCase))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, string.IsNullOrEmpty(origin)
                ? "This publishable key is limited to its origins, and the request names none (no Origin header)."
                : $"This publishable key may not be used from the origin '{origin}'; its origins are {string.Join(", ", allowed)}."));
        return Task.CompletedTask;
    }
}
