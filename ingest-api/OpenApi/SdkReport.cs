using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace IceWatch.IngestApi.OpenApi;

[Description("What happened to one peer connection since its previous report.")]
public sealed record SdkReport(
    [property: Required]
    [property: Description("The peer connection's id inside the client (see clientId).")]
    string PeerConnectionId,
    [property: Required]
    [property: Description("0, 1, 2, ... per peer connection; a (clientId, peerConnectionId, seq) already accepted is ignored, so retries are safe.")]
    long Seq,
    [property: Description("ICE and signalling events with timestamps.")]
    IReadOnlyList<SdkEvent>? Events = null,
    [property: Description("getStats() snapshots; may be delta-encoded per stats id.")]
    IReadOnlyList<SdkStatsSnapshot>? Stats = null);
