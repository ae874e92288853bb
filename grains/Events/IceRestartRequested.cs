namespace IceWatch.Grains.Events;

/// <summary>restartIce() or createOffer({iceRestart: true}).</summary>
public sealed record IceRestartRequested(string PeerConnectionId, DateTimeOffset Time)
    : IceEvent(PeerConnectionId, Time);
