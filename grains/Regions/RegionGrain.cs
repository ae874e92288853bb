using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Regions;

/// <summary>
/// The region rollup maths: which counter deltas a verdict change causes, and the windowed rates
/// from summed buckets. Only final outcomes are counted; a pending verdict contributes nothing.
/// A peer connection counts in the minute IceWatch first received it.
/// </summary>
public static class RegionGrain
{
    public static IReadOnlyList<RegionCounterDelta> Diff(Verdict? before, Verdict? after, DateTimeOffset fallbackTime)
    {
        var deltas = new Dictionary<RegionBucketKey, RegionCounterDelta>();
        Add(deltas, before, fallbackTime, -1);
        Add(deltas, after, fallbackTime, +1);
        return deltas.Values.Where(d => d.PeerConnections != 0 || d.BytesRelayed != 0 || d.BytesDirect != 0).ToList();
    }

    public static RegionBucketKey? KeyOf(Verdict verdict, DateTimeOffset fallbackTime)
    {
        if (verdict.Outcome == Outcomes.Pending) return null;
        // Server time, not the client's: skewed client clocks and dumps uploaded later still land in "now".
        var time = verdict.ReceivedAt ?? verdict.StartedAt ?? fallbackTime;
        var minute = new DateTimeOffset(time.UtcDateTime.Ticks - time.UtcDateTime.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var pair = verdict.SelectedPair;
        return new RegionBucketKey(minute, verdict.Outcome, verdict.Category ?? "",
            pair?.LocalType ?? "", pair?.RemoteType ?? "", pair?.RelayProtocol ?? "");
    }

    public static RegionStats Summarize(string region, string window, DateTimeOffset from, DateTimeOffset to, IEnumerable<RegionCounterDelta> buckets)
    {
        long total = 0, connected = 0, failed = 0, lost = 0, dtls = 0, relayed = 0, bytesRelayed = 0, bytesDirect = 0;
        var categories = new Dictionary<string, long>();
        foreach (var b in buckets)
        {
            var k = b.Key;
            total += b.PeerConnections;
            bytesRelayed += b.BytesRelayed;
            bytesDirect += b.BytesDirect;
            if (k.Outcome == Outcomes.Connected) connected += b.PeerConnections;
            if (k.Outcome == Outcomes.Failed && Categories.CountsAsIceFailure(k.Category)) failed += b.PeerConnections;
            if (k.Category == Categories.ConnectionLost) lost += b.PeerConnections;
            if (k.Category == Categories.DtlsFailed) dtls += b.PeerConnections;
            if (k.Outcome == Outcomes.Connected && (k.LocalType == "relay" || k.RemoteType == "relay")) relayed += b.PeerConnections;
            if (k.Category.Length > 0) categories[k.Category] = categories.GetValueOrDefault(k.Category) + b.PeerConnections;
        }
        var bytes = bytesRelayed + bytesDirect;
        var top = categories.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(5)
            .Select(c => new CategoryCount(c.Key, c.Value, Share(c.Value, total) ?? 0)).ToList();
        return new RegionStats(region, window, from, to, total, connected, failed, Share(failed, total), lost, dtls,
            relayed, Share(relayed, connected), bytesRelayed, bytesDirect, bytes == 0 ? null : (double)bytesRelayed / bytes, top);
    }

    private static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static void Add(Dictionary<RegionBucketKey, RegionCounterDelta> deltas, Verdict? verdict, DateTimeOffset fallbackTime, int sign)
    {
        if (verdict is null || KeyOf(verdict, fallbackTime) is not { } key) return;
        var known = deltas.GetValueOrDefault(key) ?? new RegionCounterDelta(key, 0, 0, 0);
        deltas[key] = known with
        {
            PeerConnections = known.PeerConnections + sign,
            BytesRelayed = known.BytesRelayed + sign * verdict.BytesRelayed,
            BytesDirect = known.BytesDirect + sign * verdict.BytesDirect,
        };
    }
}
