using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Drops the entries that name a peer connection but say nothing about it: no configuration, no
/// event beyond its creation, no stats. Such an entry (an empty object under a dump's
/// "PeerConnections", a report with neither events nor stats) is not a peer connection, so it must
/// never become a verdict or be counted. An entry's held events are let through, in their order,
/// as soon as it shows any evidence.
/// </summary>
public sealed class PeerConnectionEvidence
{
    private readonly HashSet<string> _evidenced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IceEvent>> _held = new(StringComparer.Ordinal);

    /// <summary>Entries with evidence seen so far: the peer connections of the upload.</summary>
    public int PeerConnections => _evidenced.Count;

    /// <summary>Entries without any evidence, known once the stream has been read to its end.</summary>
    public int EmptyEntries => _held.Count;

    public IEnumerable<IceEvent> Filter(IEnumerable<IceEvent> events)
    {
        foreach (var e in events)
        {
            var id = e.PeerConnectionId;
            if (_evidenced.Contains(id))
            {
                yield return e;
                continue;
            }

            if (!IsEvidence(e))
            {
                if (!_held.TryGetValue(id, out var held)) _held[id] = held = [];
                held.Add(e);
                continue;
            }

            _evidenced.Add(id);
            if (_held.Remove(id, out var earlier))
            {
                foreach (var h in earlier) yield return h;
            }

            yield return e;
        }
    }

    /// <summary>Creation without a configuration, the start of a report and the end of the recording are no evidence of a call.</summary>
    public static bool IsEvidence(IceEvent e) => e switch
    {
        PeerConnectionCreated created => created.Configuration is not null,
        ReportStarted or RecordingEnded or ObservationNoted => false,
        _ => true,
    };
}
