namespace IceWatch.IngestApi.Uploads;

/// <summary>Thrown from inside the content stream; deliberately not an IOException so parsers do not swallow it.</summary>
public sealed class DecompressedTooLargeException(long limit)
    : Exception($"The decompressed body exceeds the maximum of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
