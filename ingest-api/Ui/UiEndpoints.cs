using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Uploads;
using IceWatch.Silo;
using Microsoft.AspNetCore.Authentication;

namespace IceWatch.IngestApi.Ui;

/// <summary>The read-only web UI: server-rendered HTML and SVG, no scripts, signed in with an API key.</summary>
public static class UiEndpoints
{
    public static IEndpointRouteBuilder MapUiEndpoints(this IEndpointRouteBuilder routes)
    {
        var login = routes.MapGroup("/ui").AllowAnonymous().ExcludeFromDescription();
        login.MapGet("/login", (string? returnUrl, string? failed) => LoginForm(returnUrl, failed is not null));
        login.MapPost("/login", SignInAsync);
        login.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(UiDefaults.Scheme);
            return Results.Redirect(UiDefaults.LoginPath);
        });

        var pages = routes.MapGroup("/ui").RequireAuthorization(UiDefaults.Policy).WithMetadata(new RequiredScope(ApiScopes.Read)).ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context);
            });
        pages.MapGet("/", OverviewAsync);
        pages.MapGet("/sessions/{id}", SessionAsync);
        return routes;
    }

    private static async Task<IResult> OverviewAsync(string? window, ClaimsPrincipal user, OverviewQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var name = UiWindows.Names.Contains(window) ? window! : UiWindows.Default;
        var (span, bucket) = UiWindows.Resolve(name);
        var to = clock.GetUtcNow();
        var from = to - span;
        var tenant = user.TenantId();
        var buckets = await queries.RegionBucketsAsync(tenant, from, bucket, ct);
        var alerts = await queries.AlertsAsync(tenant, from, ct);
        var sessions = await queries.WorstSessionsAsync(tenant, from, 20, ct);
        var tenantName = user.FindFirstValue(ApiKeyDefaults.TenantNameClaim) ?? "";
        return HtmlPage.Result("Overview", OverviewPage.Body(tenantName, name, from, to, bucket, buckets, alerts, sessions));
    }

    private static async Task<IResult> SessionAsync(string id, ClaimsPrincipal user, SessionQueries sessions, SessionStateQueries states, CancellationToken ct)
    {
        if (!Identifiers.IsSessionId(id))
            return HtmlPage.Result("Bad request", $"<h1>Bad request</h1><p>{HtmlPage.E(Identifiers.DescribeSessionId(id))}</p>", status: StatusCodes.Status400BadRequest);
        var tenant = user.TenantId();
        if (await sessions.GetAsync(tenant, id, ct) is not { } view)
            return HtmlPage.Result("Not found", $"<h1>No session {HtmlPage.E(id)}</h1><p>This tenant has no such session.</p>", status: StatusCodes.Status404NotFound);
        var state = await states.GetAsync(tenant, id, ct);
        return HtmlPage.Result($"Session {id}", SessionPage.Body(view, state?.PeerConnections ?? []));
    }

    private static async Task<IResult> SignInAsync(HttpContext context, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var returnUrl = form[UiDefaults.ReturnUrl].ToString();
        if (!await UiSignIn.TrySignInAsync(context, form["key"], ct)) return LoginForm(returnUrl, failed: true);
        return Results.Redirect(UiSignIn.LocalPath(returnUrl));
    }

    private static IResult LoginForm(string? returnUrl, bool failed)
    {
        var body = "<h1>Sign in</h1><section class=\"card\"><form method=\"post\" action=\"/ui/login\">"
            + $"<input type=\"hidden\" name=\"{UiDefaults.ReturnUrl}\" value=\"{HtmlPage.E(UiSignIn.LocalPath(returnUrl))}\">"
            + "<p><label>API key <input type=\"password\" name=\"key\" autocomplete=\"current-password\" required autofocus></label> "
            + "<button type=\"submit\">Sign in</button></p>"
            + (failed ? "<p class=\"bad\" role=\"alert\">That API key is not valid.</p>" : "")
            + "<p class=\"muted\">Use a read or admin API key (publishable keys only post reports); it is exchanged for a session cookie.</p></form></section>";
        return HtmlPage.Result("Sign in", body, signedIn: false, status: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
