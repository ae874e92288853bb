using System.Text.RegularExpressions;

namespace IceWatch.IngestApi.Uploads;

/// <summary>Session ids (1-128) and regions (1-64) use only <c>[A-Za-z0-9._:-]</c>.</summary>
public static partial class Identifiers
{
    public const string DefaultRegion = "unknown";

    public static string NewSessionId() => Guid.NewGuid().ToString("N");

    public static bool IsSessionId(string? value) => value is not null && SessionId().IsMatch(value);

    public static bool IsRegion(string? value) => value is not null && Region().IsMatch(value);

    public static string DescribeSessionId(string? value) =>
        $"session '{value}' is not a valid session id: use 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'.";

    public static string DescribeRegion(string? value) =>
        $"region '{value}' is not a valid region: use 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'.";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex SessionId();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex Region();
}
