namespace IceWatch.Grains.Tests.Golden;

/// <summary>expected.json: written from what the scenario is, not from what IceWatch answers.</summary>
public sealed record ExpectedScenario(string Scenario, string? Description, IReadOnlyList<ExpectedPeerConnection> PeerConnections);
