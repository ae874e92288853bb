using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Cluster;

/// <summary>A session row as stored: the state snapshot is null before the first step.</summary>
public sealed record SessionSnapshot(
    string Region,
    DateTimeOffset CreatedAt,
    long Version,
    string? StateJson,
    IReadOnlyList<Verdict> Verdicts,
    DateTimeOffset? NextDeadline);
