namespace IceWatch.Silo;

/// <summary>An accepted upload: new (with the database's time of receipt) or a duplicate of one already held.</summary>
public sealed record AcceptResult(Guid UploadId, string SessionId, bool Duplicate, DateTimeOffset? ReceivedAt);
