using System.Security.Claims;

namespace IceWatch.IngestApi.Auth;

public static class TenantPrincipalExtensions
{
    /// <summary>The tenant of the API key that authenticated this request.</summary>
    public static Guid TenantId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ApiKeyDefaults.TenantIdClaim)
            ?? throw new InvalidOperationException("The request was not authenticated with an API key."));
}
