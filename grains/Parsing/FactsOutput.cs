using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Folds what a reader gives out straight into the facts of its peer connections, as applying the
/// same events one by one through <see cref="PeerConnectionEvidence"/> would, with no event built for
/// a getStats object. A peer connection gets facts only once it shows evidence of a call.
/// </summary>
public sealed class FactsOutput(UploadFold fold) : UploadOutput
{
    // The fold's facts may be shared by several threads: they are asked for once per peer connection.
    private readonly Dictionary<string, PeerConnectionFacts> known = new(StringComparer.Ordinal);
    private string? lastId;
    private PeerConnectionFacts? last;

    public override void Add(IceEvent e)
    {
        var id = e.PeerConnectionId;
        if (!HasEvidence(id))
        {
            if (!PeerConnectionEvidence.IsEvidence(e))
            {
                fold.Hold(e);
                return;
            }

            Release(id);
        }

        PeerConnectionTimeline.Apply(Facts(id), e);
        fold.Count(1, e is StatsObserved ? 1 : 0);
    }

    public override void AddStats(string peerConnectionId, DateTimeOffset time, string statsId, string statsType, ReadOnlySpan<StatField> values)
    {
        // Stats are evidence of a call.
        if (!HasEvidence(peerConnectionId))
        {
            Release(peerConnectionId);
        }

        PeerConnectionTimeline.ApplyStats(Facts(peerConnectionId), time, statsId, statsType, values);
        fold.Count(1, 1);
    }

    // Facts are only fetched for a peer connection with evidence, so those known here have it.
    private bool HasEvidence(string id) => ReferenceEquals(id, lastId) || id == lastId || known.ContainsKey(id) || fold.HasEvidence(id);

    private void Release(string id)
    {
        foreach (var e in fold.Release(id))
        {
            PeerConnectionTimeline.Apply(Facts(id), e);
            fold.Count(1, e is StatsObserved ? 1 : 0);
        }
    }

    private PeerConnectionFacts Facts(string id)
    {
        if (!ReferenceEquals(id, lastId) && id != lastId)
        {
            if (!known.TryGetValue(id, out last))
            {
                known[id] = last = fold.FactsOf(id);
            }

            lastId = id;
        }

        return last!;
    }
}
