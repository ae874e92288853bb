using IceWatch.Grains.Sessions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Silo;

public sealed record SessionView(
    string SessionId,
    string Region,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Uploads,
    int PendingUploads,
    IReadOnlyList<Verdict> PeerConnections,
    SessionTruncation? Truncation = null);
