using System.Text.Encodings.Web;
using IceWatch.Silo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IceWatch.IngestApi.Auth;

/// <summary>
/// Resolves <c>Authorization: Bearer &lt;api key&gt;</c>, or a publishable key in the <c>key</c> query
/// parameter (a beacon cannot send headers), to the key's tenant, kind and scopes. Secret keys are
/// refused in the query string: addresses end up in logs and browser histories.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TenantKeyCache keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        var inQuery = string.IsNullOrEmpty(header) && Request.Query.ContainsKey(ApiKeyDefaults.QueryParameter);
        if (string.IsNullOrEmpty(header) && !inQuery) return AuthenticateResult.NoResult();
        if (!inQuery && !header!.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <api key>'.");

        var presented = (inQuery ? Request.Query[ApiKeyDefaults.QueryParameter].ToString() : header![BearerPrefix.Length..]).Trim();
        if (presented.Length is 0 or > 512) return AuthenticateResult.Fail("The API key is not valid.");

        var key = await keys.FindAsync(presented, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("The API key is not valid.");
        if (inQuery && key.Kind != KeyKinds.Publishable)
            return AuthenticateResult.Fail(
                $"Only publishable keys may be sent in the '{ApiKeyDefaults.QueryParameter}' query parameter; send this {key.Kind} key as 'Authorization: Bearer <api key>', and revoke it if it was exposed.");

        return AuthenticateResult.Success(new AuthenticationTicket(ApiKeyPrincipal.Create(key, ApiKeyDefaults.Scheme), ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = failure?.Message ?? "Send an API key as 'Authorization: Bearer <api key>' (publishable keys may use the 'key' query parameter).",
            },
        });
    }
}
