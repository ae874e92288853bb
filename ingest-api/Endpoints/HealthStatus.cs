namespace IceWatch.IngestApi.Endpoints;

public sealed record HealthStatus(string Status);
