using System.Globalization;
using IceWatch.Grains.Classification;

namespace IceWatch.Grains.Alerting;

/// <summary>The words of a page: what is failing, how much against the threshold, and the top causes with their fix.</summary>
public static class PageText
{
    /// <summary>
    /// The most common root causes, ranked and shared by the clients that saw them (a client with many
    /// failed peer connections counts once), each with the peer connections it failed.
    /// </summary>
    /// <param name="turnUrlByCategory">For each category, the TURN URL most of its failures named, when known.</param>
    public static IReadOnlyList<CauseShare> TopCauses(WindowCounts counts, IReadOnlyDictionary<string, string>? turnUrlByCategory = null, int top = 3) =>
        counts.FailedClientsByCategory
            .Where(c => c.Value > 0)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(c => new CauseShare(c.Key, counts.FailedByCategory.GetValueOrDefault(c.Key), counts.FailedClients == 0 ? 0 : (double)c.Value / counts.FailedClients,
                turnUrlByCategory?.GetValueOrDefault(c.Key), Fixes.For(c.Key)))
            .ToList();

    public static string Title(IncidentScope scope, WindowCounts counts, double threshold) =>
        $"ICE failure rate {AlertEvaluator.Percent(counts.Rate ?? 0)} in {scope} (threshold {AlertEvaluator.Percent(threshold)})";

    public static string Cause(CauseShare cause) =>
        string.Create(CultureInfo.InvariantCulture, $"{cause.Share * 100:0}% {cause.Category}") +
        (cause.TurnUrl is null ? "" : $" on {cause.TurnUrl}") +
        (cause.Fix is null ? "" : $" — {cause.Fix}");

    public static string Body(IncidentScope scope, WindowCounts counts, double threshold, IReadOnlyList<CauseShare> causes) =>
        string.Join("\n", [AlertEvaluator.Describe(counts, threshold) + $" in {scope}.", .. causes.Select(Cause)]);
}
