using IceWatch.Grains.Regions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Alerting;

/// <summary>
/// What a verdict change adds to the client minute rows the paging rule reads: a final verdict counts
/// for its session's client in its region, and in each TURN URL its configuration named, in the minute
/// IceWatch first received it (the same bucket as the region and TURN minutes).
/// </summary>
public static class ClientRollup
{
    public static string SessionClient(string sessionId) => "s:" + sessionId;

    public static IReadOnlyList<ClientMinuteDelta> Diff(Verdict? before, Verdict? after, DateTimeOffset fallbackTime, string region, string client)
    {
        var deltas = new Dictionary<ClientMinuteKey, long>();
        foreach (var key in Keys(before, fallbackTime, region, client)) deltas[key] = deltas.GetValueOrDefault(key) - 1;
        foreach (var key in Keys(after, fallbackTime, region, client)) deltas[key] = deltas.GetValueOrDefault(key) + 1;
        return deltas.Where(d => d.Value != 0).Select(d => new ClientMinuteDelta(d.Key, d.Value)).ToList();
    }

    private static IEnumerable<ClientMinuteKey> Keys(Verdict? verdict, DateTimeOffset fallbackTime, string region, string client)
    {
        if (verdict is null || RegionGrain.KeyOf(verdict, fallbackTime) is not { } bucket) yield break;
        yield return new ClientMinuteKey(IncidentScope.RegionKind, region, bucket.Minute, client, bucket.Outcome, bucket.Category);
        foreach (var url in verdict.TurnUrls.Distinct(StringComparer.Ordinal))
            yield return new ClientMinuteKey(IncidentScope.TurnUrlKind, url, bucket.Minute, client, bucket.Outcome, bucket.Category);
    }
}
