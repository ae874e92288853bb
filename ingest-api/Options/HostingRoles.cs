namespace IceWatch.IngestApi.Options;

public static class HostingRoles
{
    public const string All = "all";
    public const string Ingest = "ingest";

    public static bool IsKnown(string? role) => role is All or Ingest;
}
