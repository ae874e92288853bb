namespace IceWatch.Silo;

internal sealed record PendingUpload(Guid Id, DateTimeOffset ReceivedAt, int Attempts, string? LastError);
