namespace IceWatch.Grains.Events;

/// <summary>onicecandidate with a candidate (the end-of-candidates null is a gathering state change).</summary>
public sealed record LocalCandidateGathered(string PeerConnectionId, DateTimeOffset Time, CandidateInfo Candidate)
    : IceEvent(PeerConnectionId, Time);
