using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Options;

public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes < 1024)
            failures.Add($"MaxRequestBodyBytes must be at least 1024, got {options.MaxRequestBodyBytes}.");
        if (options.MaxDecompressedBytes < options.MaxRequestBodyBytes)
            failures.Add($"MaxDecompressedBytes ({options.MaxDecompressedBytes}) must not be below MaxRequestBodyBytes ({options.MaxRequestBodyBytes}).");
        if (options.MaxUploadPeerConnections < 1 || options.MaxUploadEvents < 1 || options.MaxUploadStatsObjects < 1)
            failures.Add("MaxUploadPeerConnections, MaxUploadEvents and MaxUploadStatsObjects must be at least 1.");
        if (options.RetryAfterSeconds is < 1 or > 3600)
            failures.Add($"RetryAfterSeconds must be between 1 and 3600, got {options.RetryAfterSeconds}.");
        if (options.ApiKeyCacheSeconds is < 0 or > 3600)
            failures.Add($"ApiKeyCacheSeconds must be between 0 and 3600, got {options.ApiKeyCacheSeconds}.");
        if (options.RateLimitPerSecond < 0 || options.RateLimitBurst < 0)
            failures.Add("RateLimitPerSecond and RateLimitBurst must not be negative.");
        if (options.PublishableRatePerSecond < 0 || options.PublishableBurst < 0 || options.ClientRatePerSecond < 0 || options.ClientBurst < 0)
            failures.Add("The publishable key and client rate limits and bursts must not be negative.");
        if (options.ClientPrefixV4 is < 8 or > 32 || options.ClientPrefixV6 is < 16 or > 128)
            failures.Add("ICEWATCH_CLIENT_PREFIX_V4 must be 8-32 and ICEWATCH_CLIENT_PREFIX_V6 16-128.");
        if (Clients.TrustedProxies.Validate(options.TrustedProxies) is { } proxies) failures.Add(proxies);
        if (options.AdminKey is { Length: > 0 and < 24 })
            failures.Add("ICEWATCH_ADMIN_KEY must be at least 24 characters.");
        if (!HostingRoles.IsKnown(options.Role))
            failures.Add($"Role (ICEWATCH_ROLE) must be '{HostingRoles.All}', '{HostingRoles.Ingest}' or '{HostingRoles.Silo}', got '{options.Role}'.");
        if (options.BootstrapApiKey is { Length: > 0 and < 16 })
            failures.Add("ICEWATCH_BOOTSTRAP_API_KEY must be at least 16 characters.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
