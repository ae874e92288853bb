namespace IceWatch.Grains.Events;

/// <summary>setLocalDescription / setRemoteDescription succeeded; SdpType is offer, answer, pranswer or rollback.</summary>
public sealed record DescriptionSet(string PeerConnectionId, DateTimeOffset Time, bool Remote, string SdpType)
    : IceEvent(PeerConnectionId, Time);
