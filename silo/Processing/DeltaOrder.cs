using IceWatch.Grains.Regions;

namespace IceWatch.Silo;

/// <summary>
/// The deltas of every session in a transaction, summed per counter row and sorted in one total order
/// (tenant, region, bucket) that every node uses, so transactions touching shared rows never deadlock.
/// </summary>
internal static class DeltaOrder
{
    public static List<(ClaimedSession Session, RegionCounterDelta Delta)> Regions(IEnumerable<ClaimedChanges> all) =>
        all.SelectMany(c => c.Changes.RegionDeltas.Select(d => (c.Session, d)))
            .GroupBy(x => (x.Session.TenantId, x.Session.Region, x.d.Key))
            .Select(g => (g.First().Session, g.Skip(1).Aggregate(g.First().d, (sum, x) => sum with
            {
                PeerConnections = sum.PeerConnections + x.d.PeerConnections,
                BytesRelayed = sum.BytesRelayed + x.d.BytesRelayed,
                BytesDirect = sum.BytesDirect + x.d.BytesDirect,
            })))
            .Where(x => x.Item2.PeerConnections != 0 || x.Item2.BytesRelayed != 0 || x.Item2.BytesDirect != 0)
            .OrderBy(x => x.Session.TenantId).ThenBy(x => x.Session.Region, StringComparer.Ordinal).ThenBy(x => x.Item2.Key, BucketOrder.Instance)
            .ToList();

    public static List<(ClaimedSession Session, TurnCounterDelta Delta)> Turns(IEnumerable<ClaimedChanges> all) =>
        all.SelectMany(c => c.Changes.TurnDeltas.Select(d => (c.Session, d)))
            .GroupBy(x => (x.Session.TenantId, x.Session.Region, x.d.Key))
            .Select(g => (g.First().Session, g.Skip(1).Aggregate(g.First().d, (sum, x) => sum.Plus(x.d))))
            .Where(x => !x.Item2.IsZero)
            .OrderBy(x => x.Session.TenantId).ThenBy(x => x.Session.Region, StringComparer.Ordinal).ThenBy(x => x.Item2.Key, TurnBucketOrder.Instance)
            .ToList();
}
