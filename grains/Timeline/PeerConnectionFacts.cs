using IceWatch.Grains.Events;

namespace IceWatch.Grains.Timeline;

/// <summary>
/// The SessionGrain's state for one peer connection: everything the classifier needs, folded from
/// events of any format. Kept compact (last values, not series) so it can be stored as JSON.
/// </summary>
public sealed record PeerConnectionFacts
{
    public required string PeerConnectionId { get; init; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? FirstEventAt { get; set; }
    public DateTimeOffset? LastEventAt { get; set; }
    /// <summary>Server time when this peer connection was first received (live stall deadline).</summary>
    public DateTimeOffset? FirstReceivedAt { get; set; }
    public IceConfiguration? Configuration { get; set; }
    public List<StateChange> States { get; init; } = [];
    public Dictionary<string, CandidateInfo> LocalCandidates { get; init; } = [];
    public Dictionary<string, CandidateInfo> RemoteCandidates { get; init; } = [];
    public int LocalCandidatesGathered { get; set; }
    public int RemoteCandidatesAdded { get; set; }
    public bool LocalDescriptionSet { get; set; }
    /// <summary>The last local description set: gathering starts there, so a gathering round after it was watched whole.</summary>
    public DateTimeOffset? LocalDescriptionAt { get; set; }
    public bool RemoteDescriptionSet { get; set; }
    public List<CandidateError> CandidateErrors { get; init; } = [];
    public Dictionary<string, PairFacts> Pairs { get; init; } = [];
    public List<SelectedPairChange> SelectedPairs { get; init; } = [];
    public int IceRestarts { get; set; }
    /// <summary>When ICE was last restarted or the configuration last changed: what was certain before may no longer be.</summary>
    public DateTimeOffset? LastIceRestartAt { get; set; }
    public DateTimeOffset? ConfigurationChangedAt { get; set; }
    public string? DtlsState { get; set; }
    /// <summary>When transport.dtlsState was first seen failed, and transport.iceState then (Firefox fails DTLS after ICE).</summary>
    public DateTimeOffset? DtlsFailedAt { get; set; }
    public string? IceStateWhenDtlsFailed { get; set; }
    public string? TransportIceState { get; set; }
    /// <summary>The SDK client (one participant's page) that reported this peer connection, and its user agent.</summary>
    public string? ClientId { get; set; }
    public string? UserAgent { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<string> Notes { get; init; } = [];
    /// <summary>The type of each folded stats id, for snapshots that leave the type out.</summary>
    public Dictionary<string, string> StatsTypes { get; init; } = [];
}
