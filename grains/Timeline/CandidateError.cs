namespace IceWatch.Grains.Timeline;

/// <param name="ReportedUrl">The URL as the browser reported it, when IceWatch matched the error to a configured URL written differently.</param>
public sealed record CandidateError(DateTimeOffset Time, string? Url, int ErrorCode, string? ErrorText, string? Address, int? Port, string? ReportedUrl = null);
