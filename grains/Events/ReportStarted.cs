namespace IceWatch.Grains.Events;

/// <summary>
/// Opens the events of one SDK report (docs/sdk-report-format.md). Events up to the next
/// ReportStarted of the same peer connection belong to it; a (peer connection, Seq) applied
/// before is skipped as a whole, which makes client retries harmless. ClientId and UserAgent say
/// which participant's page sent it (the batch's clientId and userAgent), when the SDK tells.
/// </summary>
public sealed record ReportStarted(string PeerConnectionId, DateTimeOffset Time, long Seq, string? ClientId = null, string? UserAgent = null)
    : IceEvent(PeerConnectionId, Time);
