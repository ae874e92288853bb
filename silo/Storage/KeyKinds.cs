namespace IceWatch.Silo;

/// <summary>
/// What a key is for. A publishable key lives in a web page and is public: it may post reports (and
/// dumps where the tenant allows) and read nothing. A read key reads sessions, regions, alerts and the
/// UI. An admin key does all of that and manages the tenant's alert rules, targets and keys.
/// </summary>
public static class KeyKinds
{
    public const string Publishable = "publishable";
    public const string Read = "read";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Publishable, Read, Admin];

    public static bool IsKnown(string? kind) => kind is Publishable or Read or Admin;
}
