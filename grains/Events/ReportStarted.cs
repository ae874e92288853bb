namespace IceWatch.Grains.Events;

/// <summary>
/// Opens the events of one SDK report (docs/sdk-report-format.md). Events up to the next
/// ReportStarted of the same peer connection belong to it; a (peer connection, Seq) applied
/// before is skipped as a whole, which makes client retries harmless.
/// </summary>
public sealed record ReportStarted(string PeerConnectionId, DateTimeOffset Time, long Seq)
    : IceEvent(PeerConnectionId, Time);
