namespace IceWatch.Grains.Events;

/// <summary>
/// A candidate as far as the input tells it. Type is host/srflx/prflx/relay; Protocol udp/tcp;
/// RelayProtocol udp/tcp/tls for relay candidates when the browser reports it; AddressFamily
/// ipv4/ipv6/mdns when known.
/// </summary>
public sealed record CandidateInfo(
    string? Id,
    string? Type,
    string? Protocol,
    string? RelayProtocol = null,
    string? Url = null,
    long? Priority = null,
    string? Address = null,
    int? Port = null,
    string? AddressFamily = null,
    string? TcpType = null);
