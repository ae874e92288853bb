namespace IceWatch.Grains.Parsing;

/// <summary>What a full validating pass over an upload found; SessionId/Region come from SDK reports.</summary>
public sealed record UploadSummary(
    UploadFormat Format,
    string? SessionId,
    string? Region,
    int PeerConnections,
    long Events);
