namespace IceWatch.IngestApi.OpenApi;

public sealed record SdkInfo(string? Name, string? Version);
