using System.Security.Claims;
using IceWatch.Grains.Alerting;
using IceWatch.IngestApi.Auth;
using IceWatch.Silo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IceWatch.IngestApi.Alerts;

public static class AlertRuleEndpoints
{
    public static RouteGroupBuilder MapAlertRuleEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/alert-rules").WithTags("Alerts");
        group.MapGet("/", ListAsync).WithName("ListAlertRules").RequireScope(ApiScopes.Read)
            .WithSummary("The tenant's rule overrides, each with the rule it puts in force.");
        group.MapPut("/{scope}", PutAsync).WithName("SetAlertRule").RequireScope(ApiScopes.Admin)
            .WithSummary("Overrides the rule for the tenant (scope 'default'), a region ('region:eu-west') or a TURN URL ('turn_url:turns:turn.example.com:443'); unset fields inherit.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{scope}", DeleteAsync).WithName("DeleteAlertRule").RequireScope(ApiScopes.Admin)
            .WithSummary("Removes an override; the scope inherits again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Ok<List<AlertRuleView>>> ListAsync(ClaimsPrincipal user, AlertRuleStore rules, CancellationToken ct)
    {
        var overrides = await rules.ListAsync(user.TenantId(), ct);
        var tenant = overrides.FirstOrDefault(o => o.ScopeKind == AlertRuleOverride.TenantKind)?.Settings;
        return TypedResults.Ok(overrides.Select(o => View(o, tenant)).ToList());
    }

    public static async Task<Results<Ok<AlertRuleView>, ProblemHttpResult>> PutAsync(
        string scope, AlertRuleSettings settings, ClaimsPrincipal user, AlertRuleStore rules, CancellationToken ct)
    {
        if (!RuleScope.TryParse(scope, out var kind, out var value, out var error)) return BadRequest(error);
        if (settings.Validate() is { Count: > 0 } errors) return BadRequest(string.Join(" ", errors));
        var tenantId = user.TenantId();
        var tenant = kind == AlertRuleOverride.TenantKind ? null : (await rules.ListAsync(tenantId, ct)).FirstOrDefault(o => o.ScopeKind == AlertRuleOverride.TenantKind)?.Settings;
        var effective = AlertRuleSettings.Resolve(tenant, settings);
        if (effective.RecoveryThreshold > effective.Threshold) return BadRequest("recoveryThreshold must not exceed threshold once inherited values are applied.");
        var stored = await rules.SetAsync(tenantId, kind, value, settings, ct);
        return TypedResults.Ok(View(stored, tenant));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string scope, ClaimsPrincipal user, AlertRuleStore rules, CancellationToken ct)
    {
        if (!RuleScope.TryParse(scope, out var kind, out var value, out var error)) return BadRequest(error);
        return await rules.DeleteAsync(user.TenantId(), kind, value, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"No rule override for scope '{scope}'.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
    }

    private static AlertRuleView View(AlertRuleOverride o, AlertRuleSettings? tenant) => new(
        RuleScope.Format(o.ScopeKind, o.ScopeValue), o.Settings,
        EffectiveRule.From(o.ScopeKind == AlertRuleOverride.TenantKind ? AlertRuleSettings.Resolve(o.Settings) : AlertRuleSettings.Resolve(tenant, o.Settings)),
        o.UpdatedAt);

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
