namespace IceWatch.Grains.Verdicts;

/// <summary>The candidate pair that carried the traffic (the last one selected).</summary>
public sealed record SelectedPair(
    string? LocalType,
    string? RemoteType,
    string? Protocol,
    string? RelayProtocol,
    string? TurnUrl,
    string? AddressFamily = null);
