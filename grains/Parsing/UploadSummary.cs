namespace IceWatch.Grains.Parsing;

/// <summary>
/// What a full validating pass over an upload found; SessionId/Region come from SDK reports.
/// PeerConnections, Events and StatsObjects count only entries with evidence of a call;
/// EmptyEntries counts the entries that had none and are therefore not peer connections.
/// </summary>
public sealed record UploadSummary(
    UploadFormat Format,
    string? SessionId,
    string? Region,
    int PeerConnections,
    long Events,
    int EmptyEntries = 0,
    long StatsObjects = 0);
