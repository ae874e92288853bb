using Microsoft.AspNetCore.Authorization;

namespace IceWatch.IngestApi.Auth;

public static class ScopePolicies
{
    /// <summary>
    /// One policy per scope, on the API key scheme; ingest scopes also check a publishable key's origins.
    /// The default and fallback policies need the admin scope, so an endpoint that forgets its scope fails closed.
    /// </summary>
    public static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder builder)
    {
        foreach (var scope in ApiScopes.All)
            builder.AddPolicy(ApiScopes.Policy(scope), Build(scope));
        return builder.SetDefaultPolicy(Build(ApiScopes.Admin)).SetFallbackPolicy(Build(ApiScopes.Admin));
    }

    private static AuthorizationPolicy Build(string scope)
    {
        var policy = new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().RequireClaim(ApiKeyDefaults.ScopeClaim, scope);
        if (ApiScopes.IsIngest(scope)) policy.AddRequirements(new AllowedOriginRequirement());
        return policy.Build();
    }
}
