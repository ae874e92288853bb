namespace IceWatch.Grains.Parsing;

/// <summary>
/// The time of each line of an rtcstats dump, read in order: the last element counts from the
/// previous line (the first from the epoch); older writers put absolute times on every line.
/// </summary>
public sealed class RtcStatsClock
{
    /// <summary>The time of the last dated line, in milliseconds since 1970.</summary>
    public double LastMs { get; private set; }

    /// <summary>The line's time, or null when it carries none (see <see cref="RtcStatsLineHead"/>).</summary>
    public DateTimeOffset? Advance(ReadOnlySpan<byte> line, int lineNumber)
    {
        if (!RtcStatsLineHead.TryReadDelta(line, out var delta))
        {
            return null;
        }

        LastMs = delta > 1e12 && LastMs > 1e12 ? delta : LastMs + delta;
        return EpochTime.FromMilliseconds(LastMs, $"line {lineNumber}");
    }
}
