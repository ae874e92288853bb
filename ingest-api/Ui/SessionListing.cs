using IceWatch.Grains.Verdicts;
using IceWatch.Silo;

namespace IceWatch.IngestApi.Ui;

/// <summary>One page of a session's peer connections: those of <see cref="Group"/> (all when null), page <see cref="Page"/> of the total.</summary>
public sealed record SessionListing(VerdictGroup? Group, int Page, long Total, IReadOnlyList<Verdict> Verdicts)
{
    public const int PageSize = 50;

    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The query value naming a group: "failed:turn_auth_failed", or just the outcome when it has no category.</summary>
    public static string Key(VerdictGroup group) => group.Category is null ? group.Outcome : $"{group.Outcome}:{group.Category}";

    public static VerdictGroup? Parse(string? key) => key?.Split(':', 2) switch
    {
        [var outcome] when outcome.Length > 0 => new VerdictGroup(outcome, null, 0),
        [var outcome, var category] when outcome.Length > 0 && category.Length > 0 => new VerdictGroup(outcome, category, 0),
        _ => null,
    };
}
