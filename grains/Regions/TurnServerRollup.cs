using IceWatch.Grains.Classification;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Regions;

/// <summary>
/// Per-TURN-URL counters, the second rollup beside the region's: every final verdict counts once
/// for each TURN URL its configuration named, in the minute IceWatch first received it.
/// </summary>
public static class TurnServerRollup
{
    public static IReadOnlyList<TurnCounterDelta> Diff(Verdict? before, Verdict? after, DateTimeOffset fallbackTime)
    {
        var deltas = new Dictionary<TurnBucketKey, TurnCounterDelta>();
        foreach (var (d, sign) in Contributions(before, fallbackTime).Select(d => (d, -1)).Concat(Contributions(after, fallbackTime).Select(d => (d, 1))))
        {
            var sum = deltas.GetValueOrDefault(d.Key) ?? new TurnCounterDelta(d.Key, 0, 0, 0, 0, 0);
            deltas[d.Key] = sum.Plus(d, sign);
        }
        return deltas.Values.Where(d => !d.IsZero).ToList();
    }

    public static IEnumerable<TurnCounterDelta> Contributions(Verdict? verdict, DateTimeOffset fallbackTime)
    {
        if (verdict is null || RegionGrain.KeyOf(verdict, fallbackTime) is not { } region) yield break;
        foreach (var url in verdict.TurnUrls.Distinct(StringComparer.Ordinal))
        {
            var via = verdict.Relayed && SameServer(verdict.SelectedPair?.TurnUrl, url);
            var errors = verdict.TurnErrors.FirstOrDefault(e => SameServer(e.Url, url));
            yield return new TurnCounterDelta(
                new TurnBucketKey(region.Minute, url, region.Outcome, region.Category),
                1, via ? 1 : 0, via ? verdict.BytesRelayed : 0, errors?.Unauthorized ?? 0, errors?.Unreachable ?? 0);
        }
    }

    public static bool SameServer(string? a, string? b)
    {
        if (a is null || b is null) return false;
        if (a == b) return true;
        return IceUrl.Parse(a) is { } x && IceUrl.Parse(b) is { } y &&
            x.Scheme == y.Scheme && string.Equals(x.Host, y.Host, StringComparison.OrdinalIgnoreCase) && x.Port == y.Port && x.Transport == y.Transport;
    }
}
