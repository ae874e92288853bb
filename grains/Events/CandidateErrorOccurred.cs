namespace IceWatch.Grains.Events;

/// <summary>onicecandidateerror: a STUN/TURN server answered with an error or could not be reached.</summary>
public sealed record CandidateErrorOccurred(
    string PeerConnectionId,
    DateTimeOffset Time,
    string? Url,
    int ErrorCode,
    string? ErrorText,
    string? Address,
    int? Port) : IceEvent(PeerConnectionId, Time);
