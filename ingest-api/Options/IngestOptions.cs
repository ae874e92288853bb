namespace IceWatch.IngestApi.Options;

/// <summary>Limits and behaviour of the HTTP front door; bound from <c>IceWatch:Ingest</c> and <c>ICEWATCH_*</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "IceWatch:Ingest";

    /// <summary>Largest request body as received (maybe gzip); enough for a 64 MB dump.</summary>
    public long MaxRequestBodyBytes { get; set; } = 80L * 1024 * 1024;

    /// <summary>Largest body after gzip inflation; counted while inflating so a gzip bomb stops early.</summary>
    public long MaxDecompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most peer connections one upload may hold (entries without any evidence do not count).</summary>
    public int MaxUploadPeerConnections { get; set; } = 2_000;

    /// <summary>Most events one upload may hold, as read (a 256 MB dump of real calls has about 800,000).</summary>
    public long MaxUploadEvents { get; set; } = 2_000_000;

    /// <summary>Most stats objects (one getStats() object at one time) one upload may hold.</summary>
    public long MaxUploadStatsObjects { get; set; } = 2_000_000;

    /// <summary>The <c>Retry-After</c> sent with 503 when PostgreSQL cannot be reached.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary><c>all</c>: the API and a silo in this process; <c>ingest</c>: the API only, as a client of the silos; <c>silo</c>: a silo only.</summary>
    public string Role { get; set; } = HostingRoles.All;

    /// <summary>How long an API process trusts a key it has looked up; a revocation elsewhere takes effect within this. 0 disables.</summary>
    public int ApiKeyCacheSeconds { get; set; } = 30;

    /// <summary>Requests per second per tenant (token bucket); 0 turns the limit off.</summary>
    public int RateLimitPerSecond { get; set; } = 1000;

    /// <summary>Bucket size; 0 means twice the rate.</summary>
    public int RateLimitBurst { get; set; }

    /// <summary>Requests per second one publishable key may make across all ingest nodes (shared bucket in PostgreSQL); 0 turns it off.</summary>
    public double PublishableRatePerSecond { get; set; } = 1000;

    /// <summary>That bucket's size; 0 means twice the rate.</summary>
    public int PublishableBurst { get; set; }

    /// <summary>Requests per second one client network may make with one publishable key, across all nodes; 0 turns it off.</summary>
    public double ClientRatePerSecond { get; set; } = 10;

    /// <summary>That bucket's size; 0 means five times the rate.</summary>
    public int ClientBurst { get; set; }

    /// <summary>Leading bits of a client's address that name its network (per-client limits and paging weights).</summary>
    public int ClientPrefixV4 { get; set; } = 24;

    public int ClientPrefixV6 { get; set; } = 48;

    /// <summary>Comma-separated proxy addresses or CIDR networks whose X-Forwarded-For is believed; empty ignores the header.</summary>
    public string TrustedProxies { get; set; } = "";

    /// <summary>Guards the admin API (API key management); unset disables it.</summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// Web origins whose pages may post SDK reports (comma-separated), or <c>*</c> for any: the
    /// endpoint authenticates by bearer key and never by cookie, so any origin is safe by default.
    /// </summary>
    public string SdkOrigins { get; set; } = "*";

    /// <summary>When set, tenant <c>default</c> gets this API key at start-up (idempotent).</summary>
    public string? BootstrapApiKey { get; set; }
}
