using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.Silo;
using Microsoft.AspNetCore.Authentication;

namespace IceWatch.IngestApi.Ui;

/// <summary>Turns a valid API key into the UI's cookie, carrying the key's tenant like a bearer request does.</summary>
public static class UiSignIn
{
    public static async Task<bool> TrySignInAsync(HttpContext context, string? apiKey, CancellationToken ct)
    {
        apiKey = apiKey?.Trim();
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > 512) return false;
        var tenants = context.RequestServices.GetRequiredService<TenantStore>();
        if (await tenants.FindByApiKeyAsync(apiKey, ct) is not { } tenant) return false;
        var identity = new ClaimsIdentity(
            [new Claim(ApiKeyDefaults.TenantIdClaim, tenant.Id.ToString()), new Claim(ApiKeyDefaults.TenantNameClaim, tenant.Name)],
            UiDefaults.Scheme);
        await context.SignInAsync(UiDefaults.Scheme, new ClaimsPrincipal(identity));
        return true;
    }

    /// <summary>Only paths of this site: an open redirect would let a link send a signed-in user anywhere.</summary>
    public static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] is not ('/' or '\\') ? url : "/ui";
}
