using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.Silo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IceWatch.IngestApi.Alerts;

public static class NotificationTargetEndpoints
{
    public static RouteGroupBuilder MapNotificationTargetEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/notification-targets").WithTags("Alerts").RequireScope(ApiScopes.Admin);
        group.MapGet("/", ListAsync).WithName("ListNotificationTargets").WithSummary("Where this tenant's pages go; secrets are never shown in full.");
        group.MapPost("/", AddAsync).WithName("AddNotificationTarget")
            .WithSummary("Adds a webhook, Alertmanager or PagerDuty target; every target gets every incident transition.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteNotificationTarget").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Ok<List<NotificationTargetView>>> ListAsync(ClaimsPrincipal user, NotificationTargetStore targets, CancellationToken ct) =>
        TypedResults.Ok((await targets.ListAsync(user.TenantId(), ct)).Select(NotificationTargetView.From).ToList());

    public static async Task<Results<Created<NotificationTargetView>, ProblemHttpResult>> AddAsync(
        NotificationTargetRequest request, ClaimsPrincipal user, NotificationTargetStore targets, CancellationToken ct)
    {
        var kind = request.Kind ?? "";
        if (!NotificationTargetKinds.IsKnown(kind)) return BadRequest($"kind '{request.Kind}' must be webhook, alertmanager or pagerduty.");
        var url = request.Url ?? (kind == NotificationTargetKinds.PagerDuty ? NotificationTargetKinds.PagerDutyEventsUrl : null);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return BadRequest("url must be an absolute http(s) URL.");
        var secret = kind == NotificationTargetKinds.PagerDuty ? request.RoutingKey ?? request.Secret : request.Secret;
        if (kind == NotificationTargetKinds.PagerDuty && string.IsNullOrWhiteSpace(secret)) return BadRequest("a pagerduty target needs its routingKey.");
        if (kind == NotificationTargetKinds.Alertmanager && secret is not null) return BadRequest("an alertmanager target takes no secret.");
        if (request.Name is { Length: > 200 } || secret is { Length: > 512 }) return BadRequest("name (200) or secret (512) is too long.");

        var target = await targets.AddAsync(user.TenantId(), kind, request.Name, url!, secret, ct);
        return TypedResults.Created($"/v1/notification-targets/{target.Id}", NotificationTargetView.From(target));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ClaimsPrincipal user, NotificationTargetStore targets, CancellationToken ct) =>
        await targets.DeleteAsync(user.TenantId(), id, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"No notification target '{id}' for this API key's tenant.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
}
