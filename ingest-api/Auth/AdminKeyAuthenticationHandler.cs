using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using IceWatch.IngestApi.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IceWatch.IngestApi.Auth;

/// <summary>
/// Accepts <c>Authorization: Bearer &lt;ICEWATCH_ADMIN_KEY&gt;</c> for the admin API. The SHA-256 of both
/// sides is compared in constant time, so neither the key's length nor its prefix leaks through timing.
/// </summary>
public sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<IngestOptions> ingest,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminKey";
    public const string Policy = "admin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ingest.Value.AdminKey is not { Length: > 0 } adminKey)
            return Task.FromResult(AuthenticateResult.Fail("The admin API is disabled: set ICEWATCH_ADMIN_KEY to enable it."));
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail("Send the admin key as 'Authorization: Bearer <admin key>'."));

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(adminKey));
        if (!CryptographicOperations.FixedTimeEquals(presented, expected))
            return Task.FromResult(AuthenticateResult.Fail("The admin key is not valid."));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, Policy)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized", Detail = failure?.Message },
        });
    }
}
