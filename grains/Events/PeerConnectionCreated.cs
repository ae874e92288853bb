namespace IceWatch.Grains.Events;

/// <summary>The peer connection was constructed (or first seen) with this configuration.</summary>
public sealed record PeerConnectionCreated(string PeerConnectionId, DateTimeOffset Time, IceConfiguration? Configuration)
    : IceEvent(PeerConnectionId, Time);
