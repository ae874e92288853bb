using IceWatch.IngestApi.Auth;
using IceWatch.Silo;
using Microsoft.AspNetCore.Authentication;

namespace IceWatch.IngestApi.Ui;

/// <summary>
/// Turns a read or admin key into the UI's cookie, carrying the key's tenant and scopes like a bearer
/// request does. A publishable key reads nothing, so it cannot sign in.
/// </summary>
public static class UiSignIn
{
    public static async Task<bool> TrySignInAsync(HttpContext context, string? apiKey, CancellationToken ct)
    {
        apiKey = apiKey?.Trim();
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > 512) return false;
        var tenants = context.RequestServices.GetRequiredService<TenantStore>();
        if (await tenants.FindKeyAsync(apiKey, ct) is not { } key || !ApiScopes.For(key.Kind, key.PublishableDumps).Contains(ApiScopes.Read)) return false;
        await context.SignInAsync(UiDefaults.Scheme, ApiKeyPrincipal.Create(key, UiDefaults.Scheme));
        return true;
    }

    /// <summary>Only paths of this site: an open redirect would let a link send a signed-in user anywhere.</summary>
    public static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] is not ('/' or '\\') ? url : "/ui";
}
