namespace IceWatch.Grains.Events;

/// <summary>
/// A fact about the recording itself rather than the call (for example "stats series capped at
/// 1000 points: the start was lost"). Its time still extends the observed span.
/// </summary>
public sealed record ObservationNoted(string PeerConnectionId, DateTimeOffset Time, string Note)
    : IceEvent(PeerConnectionId, Time);
