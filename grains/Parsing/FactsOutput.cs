using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Folds what a reader gives out straight into the facts of its peer connections, as applying the
/// same events one by one would, with no event built for a getStats object.
/// </summary>
public sealed class FactsOutput(Func<string, PeerConnectionFacts> factsOf) : UploadOutput
{
    // factsOf may be shared by several threads: it is asked once per peer connection.
    private readonly Dictionary<string, PeerConnectionFacts> known = new(StringComparer.Ordinal);
    private string? lastId;
    private PeerConnectionFacts? last;

    public override void Add(IceEvent e) => PeerConnectionTimeline.Apply(Facts(e.PeerConnectionId), e);

    public override void AddStats(string peerConnectionId, DateTimeOffset time, string statsId, string statsType, ReadOnlySpan<StatField> values) =>
        PeerConnectionTimeline.ApplyStats(Facts(peerConnectionId), time, statsId, statsType, values);

    private PeerConnectionFacts Facts(string id)
    {
        if (!ReferenceEquals(id, lastId) && id != lastId)
        {
            if (!known.TryGetValue(id, out last))
            {
                known[id] = last = factsOf(id);
            }

            lastId = id;
        }

        return last!;
    }
}
