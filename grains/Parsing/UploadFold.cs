using System.Collections.Concurrent;
using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// What the outputs that fold one upload share, across threads: where the facts of a peer
/// connection are, the events of peer connections that have shown no evidence of a call yet (held,
/// as <see cref="PeerConnectionEvidence"/> holds them, and dropped if none comes), and how many
/// events and stats objects were folded. Each peer connection is read by one thread at a time.
/// </summary>
public sealed class UploadFold(Func<string, PeerConnectionFacts> factsOf)
{
    // A peer connection with evidence maps to null; one without, to its events so far.
    private readonly ConcurrentDictionary<string, List<IceEvent>?> entries = new(StringComparer.Ordinal);
    private long events;
    private long statsObjects;

    /// <summary>Events folded, stats objects included, as a session counts what it applied.</summary>
    public long Events => Interlocked.Read(ref events);

    public long StatsObjects => Interlocked.Read(ref statsObjects);

    /// <summary>The facts of a peer connection with evidence; may be called from several threads at once.</summary>
    public PeerConnectionFacts FactsOf(string peerConnectionId) => factsOf(peerConnectionId);

    public bool HasEvidence(string peerConnectionId) => entries.TryGetValue(peerConnectionId, out var held) && held is null;

    public void Hold(IceEvent e) => entries.GetOrAdd(e.PeerConnectionId, _ => [])!.Add(e);

    /// <summary>Marks the peer connection as one with evidence; returns the events held for it, in their order.</summary>
    public List<IceEvent> Release(string peerConnectionId)
    {
        var held = entries.TryGetValue(peerConnectionId, out var earlier) ? earlier : null;
        entries[peerConnectionId] = null;
        return held ?? [];
    }

    /// <summary>Adds what one output folded.</summary>
    public void Count(long folded, long stats)
    {
        Interlocked.Add(ref events, folded);
        Interlocked.Add(ref statsObjects, stats);
    }
}
