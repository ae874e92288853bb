using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace IceWatch.IngestApi.OpenApi;

[Description("The fields of RTCIceCandidate / RTCIceCandidateStats. Addresses should be obfuscated.")]
public sealed record SdkCandidate(
    [property: Required, Description("host, srflx, prflx or relay.")] string Type,
    [property: Required, Description("udp or tcp.")] string Protocol,
    string? Id = null,
    [property: Description("udp, tcp or tls, for relay candidates.")] string? RelayProtocol = null,
    [property: Description("The STUN/TURN URL the candidate came from.")] string? Url = null,
    long? Priority = null,
    string? Address = null,
    int? Port = null,
    [property: Description("active, passive or so, for TCP candidates.")] string? TcpType = null);
