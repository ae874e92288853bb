using System.Security.Claims;
using IceWatch.Silo;

namespace IceWatch.IngestApi.Auth;

/// <summary>The claims of a request made with an API key: its tenant, key, kind, scopes and allowed origins.</summary>
public static class ApiKeyPrincipal
{
    public static ClaimsPrincipal Create(ApiKeyIdentity key, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ApiKeyDefaults.TenantIdClaim, key.Tenant.Id.ToString()),
            new(ApiKeyDefaults.TenantNameClaim, key.Tenant.Name),
            new(ApiKeyDefaults.KeyIdClaim, key.KeyId.ToString()),
            new(ApiKeyDefaults.KindClaim, key.Kind),
        };
        claims.AddRange(ApiScopes.For(key.Kind, key.PublishableDumps).Select(s => new Claim(ApiKeyDefaults.ScopeClaim, s)));
        if (key.Kind == KeyKinds.Publishable && key.Origins is { } origins)
            claims.AddRange(origins.Select(o => new Claim(ApiKeyDefaults.OriginClaim, o)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
