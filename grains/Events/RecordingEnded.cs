namespace IceWatch.Grains.Events;

/// <summary>
/// The recording was still watching this peer connection at Time (a webrtc-internals dump's
/// top-level timestamp, the last line of an rtcstats dump, an SDK heartbeat). A stalled call often
/// logs nothing after gathering completes, so this is what proves it stayed unconnected for that long.
/// </summary>
public sealed record RecordingEnded(string PeerConnectionId, DateTimeOffset Time)
    : IceEvent(PeerConnectionId, Time);
