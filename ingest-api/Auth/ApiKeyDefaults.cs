namespace IceWatch.IngestApi.Auth;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string TenantIdClaim = "icewatch:tenant_id";
    public const string TenantNameClaim = "icewatch:tenant";
}
