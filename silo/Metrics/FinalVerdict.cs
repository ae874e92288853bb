namespace IceWatch.Silo;

/// <summary>A peer connection whose verdict became final (connected or failed) for the first time.</summary>
internal sealed record FinalVerdict(string Outcome, string? Category, string? LocalType, string? RemoteType, string? RelayProtocol);
