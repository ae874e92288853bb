namespace IceWatch.Silo;

/// <summary>A session without its verdicts: where it is from, how many uploads it has and how many await processing.</summary>
public sealed record SessionHeader(string SessionId, string Region, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Uploads, int PendingUploads);
