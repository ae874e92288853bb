namespace IceWatch.IngestApi.Auth;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string TenantIdClaim = "icewatch:tenant_id";
    public const string TenantNameClaim = "icewatch:tenant";
    public const string KeyIdClaim = "icewatch:key_id";
    public const string KindClaim = "icewatch:key_kind";
    public const string ScopeClaim = "icewatch:scope";
    public const string OriginClaim = "icewatch:origin";

    /// <summary>Publishable keys may travel in this query parameter, so <c>navigator.sendBeacon</c> can post.</summary>
    public const string QueryParameter = "key";
}
