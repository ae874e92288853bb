namespace IceWatch.Grains.Parsing;

/// <summary>Milliseconds since 1970 from an upload, refused with a 400-style error when no date can hold them.</summary>
public static class EpochTime
{
    private const double MaxMs = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

    public static DateTimeOffset FromMilliseconds(double ms, string where) =>
        ms is >= 0 and <= MaxMs
            ? DateTimeOffset.UnixEpoch.AddMilliseconds(ms)
            : throw new UploadFormatException($"{where}: {ms} is not a time in milliseconds since 1970.");
}
