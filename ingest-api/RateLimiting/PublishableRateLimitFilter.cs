using System.Globalization;
using System.Security.Claims;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Clients;
using IceWatch.IngestApi.Options;
using IceWatch.Silo;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IceWatch.IngestApi.RateLimiting;

/// <summary>
/// Limits what one publishable key, and one client network using it, may post per second, across every
/// ingest node: the buckets live in PostgreSQL (<see cref="SharedRateLimits"/>). A publishable key is
/// public, so anyone may post with it; these limits keep one client from using up the key's share.
/// Other keys are secret and keep the per-tenant limit of each process.
/// </summary>
public sealed class PublishableRateLimitFilter(SharedRateLimits limits, ClientIdentity clients, IOptions<IngestOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var o = options.Value;
        if (context.User.FindFirstValue(ApiKeyDefaults.KindClaim) != KeyKinds.Publishable || context.User.FindFirstValue(ApiKeyDefaults.KeyIdClaim) is not { } keyId)
            return await next(invocation);

        var cells = new List<RateLimitCell>(2);
        if (o.PublishableRatePerSecond > 0)
            cells.Add(new($"key:{keyId}", o.PublishableRatePerSecond, o.PublishableBurst > 0 ? o.PublishableBurst : (int)Math.Max(1, o.PublishableRatePerSecond * 2)));
        if (o.ClientRatePerSecond > 0)
            cells.Add(new($"client:{keyId}:{await clients.OfAsync(context, context.RequestAborted)}", o.ClientRatePerSecond,
                o.ClientBurst > 0 ? o.ClientBurst : (int)Math.Max(1, o.ClientRatePerSecond * 5)));
        if (cells.Count == 0) return await next(invocation);

        var wait = await limits.TakeAsync(cells, context.RequestAborted);
        if (wait == TimeSpan.Zero) return await next(invocation);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            $"This publishable key's rate limit (per key, and per client network using it) is exhausted on every IceWatch node; retry after {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests");
    }
}
