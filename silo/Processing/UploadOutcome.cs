namespace IceWatch.Silo;

/// <summary>How one upload ended: applied (Error null), or set aside with the reason.</summary>
internal sealed record UploadOutcome(Guid Id, string? Error);
