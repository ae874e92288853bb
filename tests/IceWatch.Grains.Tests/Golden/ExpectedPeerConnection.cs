namespace IceWatch.Grains.Tests.Golden;

public sealed record ExpectedPeerConnection(
    string Role,
    string Outcome,
    string? LocalType,
    string? RemoteType,
    string? RelayProtocol,
    string? Category,
    bool? FailedAfterConnect = null,
    string? EvidenceContains = null);
