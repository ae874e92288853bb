namespace IceWatch.Grains.Parsing;

/// <summary>The bounds an upload must stay within.</summary>
public static class UploadLimits
{
    /// <summary>Deepest JSON nesting accepted anywhere in an upload.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>How much of the start of an upload is looked at to tell its format.</summary>
    public const int SniffBytes = 16 * 1024;

    /// <summary>Largest single JSON value (one update-log entry, one stats series, one rtcstats line) read at once.</summary>
    public const int MaxValueBytes = 64 * 1024 * 1024;
}
