namespace IceWatch.Grains.Timeline;

public sealed record CandidateError(DateTimeOffset Time, string? Url, int ErrorCode, string? ErrorText, string? Address, int? Port);
