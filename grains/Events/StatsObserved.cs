namespace IceWatch.Grains.Events;

/// <summary>
/// Some fields of one getStats() object at one time. A snapshot may carry all fields or only the
/// changed ones: the fold merges by stats id, so full and delta-compressed inputs look alike.
/// Values are string, bool, long or double.
/// </summary>
public sealed record StatsObserved(
    string PeerConnectionId,
    DateTimeOffset Time,
    string StatsId,
    string StatsType,
    IReadOnlyDictionary<string, object?> Values) : IceEvent(PeerConnectionId, Time);
