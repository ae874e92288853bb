using IceWatch.Grains.Alerting;
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

    /// <summary>Client minute deltas summed per row and sorted by its whole key, the same order on every node.</summary>
    public static List<(Guid TenantId, ClientMinuteDelta Delta)> Clients(IEnumerable<ClaimedChanges> all) =>
        all.SelectMany(c => c.Changes.ClientDeltas.Select(d => (c.Session.TenantId, d)))
            .GroupBy(x => (x.TenantId, x.d.Key))
            .Select(g => (g.Key.TenantId, new ClientMinuteDelta(g.Key.Key, g.Sum(x => x.d.PeerConnections))))
            .Where(x => x.Item2.PeerConnections != 0)
            .OrderBy(x => x.TenantId)
            .ThenBy(x => x.Item2.Key.ScopeKind, StringComparer.Ordinal).ThenBy(x => x.Item2.Key.ScopeValue, StringComparer.Ordinal)
            .ThenBy(x => x.Item2.Key.Minute).ThenBy(x => x.Item2.Key.Client, StringComparer.Ordinal)
            .ThenBy(x => x.Item2.Key.Outcome, StringComparer.Ordinal).ThenBy(x => x.Item2.Key.Category, StringComparer.Ordinal)
            .ToList();
}
