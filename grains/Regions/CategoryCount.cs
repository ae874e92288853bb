namespace IceWatch.Grains.Regions;

public sealed record CategoryCount(string Category, long PeerConnections, double Share);
