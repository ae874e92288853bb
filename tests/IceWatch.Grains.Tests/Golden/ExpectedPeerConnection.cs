namespace IceWatch.Grains.Tests.Golden;

/// <param name="AddressFamily">The selected pair's address family (ipv4, ipv6, mdns); checked only when given.</param>
public sealed record ExpectedPeerConnection(
    string Role,
    string Outcome,
    string? LocalType,
    string? RemoteType,
    string? RelayProtocol,
    string? Category,
    bool? FailedAfterConnect = null,
    string? EvidenceContains = null,
    string? AddressFamily = null);
