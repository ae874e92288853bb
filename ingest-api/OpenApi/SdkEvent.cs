using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace IceWatch.IngestApi.OpenApi;

[Description("One event. Which extra fields apply depends on 'type'.")]
public sealed record SdkEvent(
    [property: Required]
    [property: Description("Milliseconds since the Unix epoch.")]
    long T,
    [property: Required]
    [property: Description("create, setConfiguration, setLocalDescription, setRemoteDescription, icecandidate, addIceCandidate, " +
        "icecandidateerror, iceconnectionstatechange, connectionstatechange, icegatheringstatechange, signalingstatechange, restartIce, " +
        "heartbeat (still watched, not connected) or close.")]
    string Type,
    [property: Description("For create and setConfiguration.")]
    SdkConfiguration? Configuration = null,
    [property: Description("For setLocalDescription and setRemoteDescription: offer, answer, pranswer or rollback.")]
    string? SdpType = null,
    [property: Description("Local for icecandidate (absent at the end of gathering), remote for addIceCandidate.")]
    SdkCandidate? Candidate = null,
    [property: Description("For icecandidateerror: the STUN/TURN URL.")]
    string? Url = null,
    [property: Description("For icecandidateerror: e.g. 401, 701.")]
    int? ErrorCode = null,
    [property: Description("For icecandidateerror.")]
    string? ErrorText = null,
    [property: Description("For icecandidateerror: the local address (obfuscated).")]
    string? Address = null,
    [property: Description("For icecandidateerror: the local port.")]
    int? Port = null,
    [property: Description("For the *statechange events: the new state.")]
    string? State = null);
