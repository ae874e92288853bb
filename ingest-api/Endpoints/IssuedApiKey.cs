namespace IceWatch.IngestApi.Endpoints;

public sealed record IssuedApiKey(Guid KeyId, string Tenant, string? Label, string ApiKey);
