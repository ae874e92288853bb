using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Options;

/// <summary>Binds <see cref="IngestOptions"/> from its section, then lets the flat <c>ICEWATCH_*</c> names win.</summary>
public sealed class IngestOptionsSetup(IConfiguration configuration) : IConfigureOptions<IngestOptions>
{
    public void Configure(IngestOptions options)
    {
        configuration.GetSection(IngestOptions.SectionName).Bind(options);
        if (Flat("ICEWATCH_MAX_REQUEST_BODY_BYTES") is { } body) options.MaxRequestBodyBytes = ParseLong(body, "ICEWATCH_MAX_REQUEST_BODY_BYTES");
        if (Flat("ICEWATCH_MAX_DECOMPRESSED_BYTES") is { } inflated) options.MaxDecompressedBytes = ParseLong(inflated, "ICEWATCH_MAX_DECOMPRESSED_BYTES");
        if (Flat("ICEWATCH_MAX_UPLOAD_PEER_CONNECTIONS") is { } pcs) options.MaxUploadPeerConnections = (int)ParseLong(pcs, "ICEWATCH_MAX_UPLOAD_PEER_CONNECTIONS");
        if (Flat("ICEWATCH_MAX_UPLOAD_EVENTS") is { } events) options.MaxUploadEvents = ParseLong(events, "ICEWATCH_MAX_UPLOAD_EVENTS");
        if (Flat("ICEWATCH_MAX_UPLOAD_STATS_OBJECTS") is { } stats) options.MaxUploadStatsObjects = ParseLong(stats, "ICEWATCH_MAX_UPLOAD_STATS_OBJECTS");
        if (Flat("ICEWATCH_RETRY_AFTER_SECONDS") is { } retry) options.RetryAfterSeconds = (int)ParseLong(retry, "ICEWATCH_RETRY_AFTER_SECONDS");
        if (Flat("ICEWATCH_API_KEY_CACHE_SECONDS") is { } cache) options.ApiKeyCacheSeconds = (int)ParseLong(cache, "ICEWATCH_API_KEY_CACHE_SECONDS");
        if (Flat("ICEWATCH_RATE_LIMIT_PER_SECOND") is { } rate) options.RateLimitPerSecond = (int)ParseLong(rate, "ICEWATCH_RATE_LIMIT_PER_SECOND");
        if (Flat("ICEWATCH_RATE_LIMIT_BURST") is { } burst) options.RateLimitBurst = (int)ParseLong(burst, "ICEWATCH_RATE_LIMIT_BURST");
        if (Flat("ICEWATCH_PUBLISHABLE_RATE_PER_SECOND") is { } pubRate) options.PublishableRatePerSecond = ParseDouble(pubRate, "ICEWATCH_PUBLISHABLE_RATE_PER_SECOND");
        if (Flat("ICEWATCH_PUBLISHABLE_BURST") is { } pubBurst) options.PublishableBurst = (int)ParseLong(pubBurst, "ICEWATCH_PUBLISHABLE_BURST");
        if (Flat("ICEWATCH_CLIENT_RATE_PER_SECOND") is { } clientRate) options.ClientRatePerSecond = ParseDouble(clientRate, "ICEWATCH_CLIENT_RATE_PER_SECOND");
        if (Flat("ICEWATCH_CLIENT_BURST") is { } clientBurst) options.ClientBurst = (int)ParseLong(clientBurst, "ICEWATCH_CLIENT_BURST");
        if (Flat("ICEWATCH_CLIENT_PREFIX_V4") is { } v4) options.ClientPrefixV4 = (int)ParseLong(v4, "ICEWATCH_CLIENT_PREFIX_V4");
        if (Flat("ICEWATCH_CLIENT_PREFIX_V6") is { } v6) options.ClientPrefixV6 = (int)ParseLong(v6, "ICEWATCH_CLIENT_PREFIX_V6");
        if (Flat("ICEWATCH_TRUSTED_PROXIES") is { } proxies) options.TrustedProxies = proxies.Trim();
        if (Flat("ICEWATCH_ADMIN_KEY") is { } admin) options.AdminKey = admin.Trim();
        if (Flat("ICEWATCH_ROLE") is { } role) options.Role = role.Trim().ToLowerInvariant();
        if (Flat("ICEWATCH_SDK_ORIGINS") is { } origins) options.SdkOrigins = origins.Trim();
        if (Flat("ICEWATCH_BOOTSTRAP_API_KEY") is { } key) options.BootstrapApiKey = key.Trim();
    }

    private string? Flat(string name) => configuration[name] is { Length: > 0 } value ? value : null;

    private static double ParseDouble(string value, string name) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new OptionsValidationException(name, typeof(IngestOptions), [$"{name} must be a number, got '{value}'."]);

    private static long ParseLong(string value, string name) =>
        long.TryParse(value, out var parsed) ? parsed : throw new OptionsValidationException(
            name, typeof(IngestOptions), [$"{name} must be a whole number, got '{value}'."]);
}
