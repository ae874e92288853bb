namespace IceWatch.Grains.Events;

public sealed record PeerConnectionClosed(string PeerConnectionId, DateTimeOffset Time)
    : IceEvent(PeerConnectionId, Time);
