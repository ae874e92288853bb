using System.Globalization;

namespace IceWatch.Grains.Sessions;

/// <summary>
/// What a session left out because it reached one of its <see cref="SessionLimits"/>: peer connections
/// refused (counted once per upload that named them), and events and stats objects not applied.
/// </summary>
public sealed record SessionTruncation(
    long PeerConnections,
    long Events,
    long StatsObjects,
    SessionLimits Limits,
    DateTimeOffset Since)
{
    public string Note => string.Create(CultureInfo.InvariantCulture,
        $"Truncated since {Since:u}: the session reached its limits ({Limits.MaxPeerConnections:N0} peer connections, {Limits.MaxEvents:N0} events, "
        + $"{Limits.MaxStatsObjects:N0} stats objects); {PeerConnections:N0} further peer connections, {Events:N0} events and {StatsObjects:N0} stats objects were not applied.");
}
