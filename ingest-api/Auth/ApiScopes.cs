using IceWatch.Silo;

namespace IceWatch.IngestApi.Auth;

/// <summary>
/// What a request may do. Every endpoint needs exactly one scope; a key's kind decides its scopes:
/// publishable keys post SDK reports (and dumps, where the tenant allows), read keys read, admin keys
/// do everything a tenant can, including managing its alert rules, notification targets and keys.
/// </summary>
public static class ApiScopes
{
    public const string IngestReports = "ingest:reports";
    public const string IngestDumps = "ingest:dumps";
    public const string Read = "read";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [IngestReports, IngestDumps, Read, Admin];

    public static IReadOnlyList<string> For(string kind, bool publishableDumps) => kind switch
    {
        KeyKinds.Publishable => publishableDumps ? [IngestReports, IngestDumps] : [IngestReports],
        KeyKinds.Read => [Read],
        KeyKinds.Admin => All,
        _ => [],
    };

    /// <summary>The authorization policy that requires <paramref name="scope"/>.</summary>
    public static string Policy(string scope) => "scope:" + scope;

    public static bool IsIngest(string scope) => scope is IngestReports or IngestDumps;
}
