namespace IceWatch.IngestApi.Problems;

/// <summary>PostgreSQL has not answered since start-up (or the schema is not migrated yet): 503 with Retry-After.</summary>
public sealed class DatabaseNotReadyException() : Exception("The database is not ready yet; retry later.");
