using IceWatch.Grains.Alerting;

namespace IceWatch.Silo;

/// <summary>What a page needs beyond the counts: the TURN URL behind each TURN cause and the worst sessions.</summary>
internal sealed record PageDetails(WindowCounts Current, IReadOnlyDictionary<string, string> TurnUrlByCategory, IReadOnlyList<WorstSession> WorstSessions);
