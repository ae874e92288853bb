using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Golden;

/// <param name="AddressFamily">The selected pair's address family (ipv4, ipv6, mdns); checked only when given.</param>
/// <param name="TurnUrl">The configured TURN URL of the selected relay candidate; checked only when given.</param>
/// <param name="TurnErrors">Candidate errors per configured TURN URL, each failure counted once; checked only when given.</param>
public sealed record ExpectedPeerConnection(
    string Role,
    string Outcome,
    string? LocalType,
    string? RemoteType,
    string? RelayProtocol,
    string? Category,
    bool? FailedAfterConnect = null,
    string? EvidenceContains = null,
    string? AddressFamily = null,
    string? TurnUrl = null,
    IReadOnlyList<TurnUrlErrors>? TurnErrors = null,
    int? IceRestarts = null);
