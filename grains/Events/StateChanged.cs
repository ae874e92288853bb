namespace IceWatch.Grains.Events;

/// <summary>An ice/connection/gathering/signaling state change, state as the browser names it.</summary>
public sealed record StateChanged(string PeerConnectionId, DateTimeOffset Time, StateKind Kind, string State)
    : IceEvent(PeerConnectionId, Time);
