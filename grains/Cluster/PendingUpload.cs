namespace IceWatch.Grains.Cluster;

/// <summary>An upload waiting for its session; <see cref="InlineBody"/> is null when the body is left to be streamed.</summary>
public sealed record PendingUpload(Guid Id, DateTimeOffset ReceivedAt, int Attempts, string? LastError, byte[]? InlineBody);
