namespace IceWatch.Silo;

/// <summary>A session with many ICE failures in an incident's window, and where to look at it.</summary>
public sealed record WorstSession(string SessionId, long Failed, string Url);
