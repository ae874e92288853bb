namespace IceWatch.Grains.Alerting;

/// <summary>An additive change to one client minute row; applying every delta ever produced gives the exact counts.</summary>
public sealed record ClientMinuteDelta(ClientMinuteKey Key, long PeerConnections);
