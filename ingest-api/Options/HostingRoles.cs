namespace IceWatch.IngestApi.Options;

/// <summary>What one process runs: the API and a silo (<c>all</c>), the API as a cluster client (<c>ingest</c>), or a silo (<c>silo</c>).</summary>
public static class HostingRoles
{
    public const string All = "all";
    public const string Ingest = "ingest";
    public const string Silo = "silo";

    public static bool IsKnown(string? role) => role is All or Ingest or Silo;
}
