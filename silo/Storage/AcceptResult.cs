namespace IceWatch.Silo;

public sealed record AcceptResult(Guid UploadId, string SessionId, bool Duplicate);
