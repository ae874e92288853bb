namespace IceWatch.Grains.Parsing;

/// <summary>The upload is readable but holds more than its <see cref="UploadQuota"/> allows; the API answers 413.</summary>
public sealed class UploadQuotaExceededException(string what, long limit)
    : Exception($"The upload holds more than {limit:N0} {what}, the most one upload may hold; split it or raise the limit.")
{
    public string What { get; } = what;
    public long Limit { get; } = limit;
}
