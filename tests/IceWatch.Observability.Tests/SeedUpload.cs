namespace IceWatch.Observability.Tests;

/// <summary>One recorded call uploaded through the API; Failed is how many of its peer connections fail ICE.</summary>
public sealed record SeedUpload(string Tenant, string Region, string SessionId, string Scenario, string File, int PeerConnections, int Failed);
