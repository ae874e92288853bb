namespace IceWatch.Grains.Verdicts;

/// <summary>
/// The candidate pair that carried the traffic (the last one selected). TurnUrlInferred: the browser
/// did not name the relay candidate's TURN URL (Firefox, Safari); IceWatch matched it to the configuration.
/// </summary>
public sealed record SelectedPair(
    string? LocalType,
    string? RemoteType,
    string? Protocol,
    string? RelayProtocol,
    string? TurnUrl,
    string? AddressFamily = null,
    bool TurnUrlInferred = false);
