namespace IceWatch.Silo;

/// <summary>How many peer connections of a session share an outcome and a category.</summary>
public sealed record VerdictGroup(string Outcome, string? Category, long PeerConnections);
