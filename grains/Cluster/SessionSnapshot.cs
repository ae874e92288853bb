using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Cluster;

/// <summary>
/// A session row as stored: the state snapshot is null before the first step. Client is the network of
/// its first publishable-key upload, or empty when the session is its own client in the paging rule.
/// </summary>
public sealed record SessionSnapshot(
    string Region,
    DateTimeOffset CreatedAt,
    long Version,
    string? StateJson,
    IReadOnlyList<Verdict> Verdicts,
    DateTimeOffset? NextDeadline)
{
    public string Client { get; init; } = "";
}
