using System.Net;
using IceWatch.IngestApi.Options;
using Microsoft.AspNetCore.HttpOverrides;

namespace IceWatch.IngestApi.Clients;

/// <summary>
/// Behind a load balancer the client's address is in X-Forwarded-For, and only the proxies listed in
/// ICEWATCH_TRUSTED_PROXIES (addresses or CIDR networks) may set it. Without the list the header is
/// ignored, since anyone could write it; a warning says so once if requests carry it anyway, because
/// every client then looks like the proxy to the per-client limits and paging weights.
/// </summary>
public static class TrustedProxies
{
    public static WebApplication UseTrustedProxies(this WebApplication app, IngestOptions options)
    {
        var proxies = options.TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (proxies.Length == 0)
        {
            var warned = 0;
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrustedProxies));
            app.Use((context, next) =>
            {
                if (context.Request.Headers.ContainsKey("X-Forwarded-For") && Interlocked.Exchange(ref warned, 1) == 0)
                    logger.LogWarning("Requests carry X-Forwarded-For but ICEWATCH_TRUSTED_PROXIES is not set: the header is ignored, and every client " +
                        "behind the proxy shares its address for per-client rate limits and paging weights.");
                return next(context);
            });
            return app;
        }

        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = null };
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            if (proxy.Contains('/')) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            else forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        app.UseForwardedHeaders(forwarded);
        return app;
    }

    /// <summary>Why the list cannot be used, or null.</summary>
    public static string? Validate(string list)
    {
        foreach (var proxy in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!(proxy.Contains('/') ? System.Net.IPNetwork.TryParse(proxy, out _) : IPAddress.TryParse(proxy, out _)))
                return $"ICEWATCH_TRUSTED_PROXIES: '{proxy}' is neither an IP address nor a CIDR network.";
        return null;
    }
}
