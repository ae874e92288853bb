using System.Globalization;
using System.Threading.RateLimiting;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IceWatch.IngestApi.RateLimiting;

/// <summary>
/// A token bucket per tenant (ICEWATCH_RATE_LIMIT_PER_SECOND, ICEWATCH_RATE_LIMIT_BURST; 0 turns it off).
/// Requests without a tenant are not limited here: they fail authentication before any work is done.
/// </summary>
public static class TenantRateLimits
{
    public static IServiceCollection AddTenantRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<IngestOptions>>((limiter, ingest) =>
        {
            var perSecond = ingest.Value.RateLimitPerSecond;
            var burst = ingest.Value.RateLimitBurst > 0 ? ingest.Value.RateLimitBurst : Math.Max(1, perSecond * 2);
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.FindFirst(ApiKeyDefaults.TenantIdClaim)?.Value is { } tenant && perSecond > 0
                    ? RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too Many Requests",
                Detail = $"This tenant's request rate limit is exhausted; retry after {retryAfter} s.",
            },
        });
    }
}
