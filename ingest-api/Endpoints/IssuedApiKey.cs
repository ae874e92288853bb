namespace IceWatch.IngestApi.Endpoints;

/// <summary>A new key, shown once: ApiKey is never stored or shown again.</summary>
public sealed record IssuedApiKey(Guid KeyId, string Tenant, string? Label, string ApiKey, string Kind, IReadOnlyList<string>? Origins);
