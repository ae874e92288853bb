namespace IceWatch.Grains.Events;

/// <summary>setConfiguration() was called.</summary>
public sealed record ConfigurationChanged(string PeerConnectionId, DateTimeOffset Time, IceConfiguration Configuration)
    : IceEvent(PeerConnectionId, Time);
