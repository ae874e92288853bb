namespace IceWatch.Silo;

/// <summary>An unprocessed upload; <see cref="InlineBody"/> is null when the body is left to be streamed.</summary>
internal sealed record PendingUpload(Guid Id, DateTimeOffset ReceivedAt, int Attempts, string? LastError, byte[]? InlineBody);
