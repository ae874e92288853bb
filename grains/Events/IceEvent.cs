namespace IceWatch.Grains.Events;

/// <summary>
/// One observation about one peer connection. Every input format (SDK report, webrtc-internals
/// dump, rtcstats dump) is turned into a stream of these; the timeline fold never sees formats.
/// </summary>
public abstract record IceEvent(string PeerConnectionId, DateTimeOffset Time);
