namespace IceWatch.Grains.Sessions;

/// <summary>A peer connection whose verdict became final (connected or failed) for the first time.</summary>
public sealed record FinalVerdict(string Outcome, string? Category, string? LocalType, string? RemoteType, string? RelayProtocol);
