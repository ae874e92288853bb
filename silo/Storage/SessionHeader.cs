using IceWatch.Grains.Sessions;

namespace IceWatch.Silo;

/// <summary>
/// A session without its verdicts: where it is from, how many uploads it has and how many await
/// processing, and what it left out past its limits (null while it never reached one).
/// </summary>
public sealed record SessionHeader(string SessionId, string Region, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Uploads, int PendingUploads)
{
    public SessionTruncation? Truncation { get; init; }
}
