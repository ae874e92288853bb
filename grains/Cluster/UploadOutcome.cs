namespace IceWatch.Grains.Cluster;

/// <summary>How one upload ended: applied (Error null), or set aside with the reason.</summary>
public sealed record UploadOutcome(Guid Id, DateTimeOffset ReceivedAt, string? Error);
