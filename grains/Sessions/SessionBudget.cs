using IceWatch.Grains.Events;

namespace IceWatch.Grains.Sessions;

/// <summary>Decides, event by event, what one upload may still add to a session under its limits, and records what it refused.</summary>
public sealed class SessionBudget(SessionState state, SessionLimits limits)
{
    private readonly HashSet<string> _refusedPeerConnections = new(StringComparer.Ordinal);
    private long _events;
    private long _stats;

    /// <summary>True when the session holds this peer connection or may still take a new one.</summary>
    public bool Takes(string peerConnectionId)
    {
        if (state.PeerConnections.ContainsKey(peerConnectionId) || state.PeerConnections.Count < limits.MaxPeerConnections) return true;
        _refusedPeerConnections.Add(peerConnectionId);
        return false;
    }

    public bool Admit(IceEvent e)
    {
        if (!Takes(e.PeerConnectionId)) return Refuse(e);
        if (state.EventsApplied >= limits.MaxEvents) return Refuse(e);
        if (e is StatsObserved)
        {
            if (state.StatsApplied >= limits.MaxStatsObjects) return Refuse(e);
            state.StatsApplied++;
        }
        state.EventsApplied++;
        return true;
    }

    /// <summary>Adds what this upload left out to the session's truncation note.</summary>
    public void Record(DateTimeOffset receivedAt)
    {
        if (_refusedPeerConnections.Count == 0 && _events == 0) return;
        var before = state.Truncation;
        state.Truncation = new SessionTruncation(
            (before?.PeerConnections ?? 0) + _refusedPeerConnections.Count,
            (before?.Events ?? 0) + _events,
            (before?.StatsObjects ?? 0) + _stats,
            limits,
            before?.Since ?? receivedAt);
    }

    private bool Refuse(IceEvent e)
    {
        _events++;
        if (e is StatsObserved) _stats++;
        return false;
    }
}
