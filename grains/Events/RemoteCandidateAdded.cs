namespace IceWatch.Grains.Events;

/// <summary>addIceCandidate() with a remote candidate (null when its text could not be read).</summary>
public sealed record RemoteCandidateAdded(string PeerConnectionId, DateTimeOffset Time, CandidateInfo? Candidate)
    : IceEvent(PeerConnectionId, Time);
