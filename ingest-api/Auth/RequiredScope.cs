namespace IceWatch.IngestApi.Auth;

/// <summary>Endpoint metadata naming the one scope the endpoint needs; read by the OpenAPI document and the 403 answer.</summary>
public sealed record RequiredScope(string Scope);
