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
        pages.MapGet("/alerts/{id:guid}", AlertAsync);
        return routes;
    }

    private static async Task<IResult> OverviewAsync(string? window, ClaimsPrincipal user, OverviewQueries queries, AlertIncidentQueries incidents,
        TimeProvider clock, CancellationToken ct)
    {
        var name = UiWindows.Names.Contains(window) ? window! : UiWindows.Default;
        var (span, bucket) = UiWindows.Resolve(name);
        var to = clock.GetUtcNow();
        var from = to - span;
        var tenant = user.TenantId();
        var buckets = await queries.RegionBucketsAsync(tenant, from, bucket, ct);
        var alerts = await incidents.ListAsync(tenant, status: null, from, 50, ct);
        var sessions = await queries.WorstSessionsAsync(tenant, from, 20, ct);
        var tenantName = user.FindFirstValue(ApiKeyDefaults.TenantNameClaim) ?? "";
        return HtmlPage.Result("Overview", OverviewPage.Body(tenantName, name, from, to, bucket, buckets, alerts, sessions));
    }

    private static async Task<IResult> SessionAsync(string id, string? pc, string? verdict, int? page, ClaimsPrincipal user, SessionPageQueries sessions,
        CancellationToken ct)
    {
        if (!Identifiers.IsSessionId(id)) return BadRequest(Identifiers.DescribeSessionId(id));
        var tenant = user.TenantId();
        if (await sessions.HeaderAsync(tenant, id, ct) is not { } header)
            return HtmlPage.Result("Not found", $"<h1>No session {HtmlPage.E(id)}</h1><p>This tenant has no such session.</p>", status: StatusCodes.Status404NotFound);
        if (pc is not null)
        {
            if (await sessions.VerdictAsync(tenant, id, pc, ct) is not { } one)
                return HtmlPage.Result("Not found", $"<h1>No peer connection {HtmlPage.E(pc)}</h1><p>Session <a href=\"{SessionPage.Link(id)}\">{HtmlPage.E(id)}</a> "
                    + "has no verdict for it.</p>", status: StatusCodes.Status404NotFound);
            var facts = await sessions.FactsAsync(tenant, id, [pc], ct);
            return HtmlPage.Result($"{pc} · session {id}", SessionPage.Detail(header, one, facts.GetValueOrDefault(pc)));
        }
        var group = SessionListing.Parse(verdict);
        if (verdict is not null && group is null) return BadRequest("verdict must name an outcome, or an outcome and a category: failed:turn_auth_failed.");
        if (page is < 1) return BadRequest("page starts at 1.");
        var groups = await sessions.GroupsAsync(tenant, id, ct);
        var total = groups.Sum(g => g.PeerConnections);
        if (group is null && page is null && total <= SessionPage.InlineLimit)
        {
            var all = await sessions.PageAsync(tenant, id, null, 0, SessionPage.InlineLimit, ct);
            var facts = await sessions.FactsAsync(tenant, id, [.. all.Select(v => v.PeerConnectionId)], ct);
            return HtmlPage.Result($"Session {id}", SessionPage.Inline(header, groups, all, facts));
        }
        var inGroup = group is null ? total : groups.Where(g => g.Outcome == group.Outcome && g.Category == group.Category).Sum(g => g.PeerConnections);
        var number = (int)Math.Min(page ?? 1, Math.Max(1, (inGroup + SessionListing.PageSize - 1) / SessionListing.PageSize));
        var verdicts = await sessions.PageAsync(tenant, id, group, (number - 1L) * SessionListing.PageSize, SessionListing.PageSize, ct);
        return HtmlPage.Result($"Session {id}", SessionPage.Listed(header, groups, new SessionListing(group, number, inGroup, verdicts)));
    }

    private static async Task<IResult> AlertAsync(Guid id, ClaimsPrincipal user, AlertIncidentQueries incidents, CancellationToken ct) =>
        await incidents.GetAsync(user.TenantId(), id, ct) is { } incident
            ? HtmlPage.Result(incident.Title, AlertPage.Body(incident))
            : HtmlPage.Result("Not found", "<h1>No such alert</h1><p>This tenant has no incident with that id.</p>", status: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string why) =>
        HtmlPage.Result("Bad request", $"<h1>Bad request</h1><p>{HtmlPage.E(why)}</p>", status: StatusCodes.Status400BadRequest);

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
