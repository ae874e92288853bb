using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>One SDK report batch: its session, its region ("unknown" when not sent) and its events.</summary>
public sealed record SdkReportBatch(string SessionId, string Region, int PeerConnections, IReadOnlyList<IceEvent> Events);
