namespace IceWatch.Grains.Parsing;

/// <summary>
/// The times of the points of one webrtc-internals stats series: its own "timestamps" when it has
/// them, else the points of its stats object's timestamp series from where the series started (a
/// field that appeared later has fewer points), else spread evenly between startTime and endTime.
/// Worked out per point on demand, so a series whose points are not read costs nothing.
/// </summary>
public readonly struct WebrtcInternalsPointTimes
{
    // How far a series' startTime may lie from the point it started at.
    private const double AlignToleranceMs = 1000;

    private readonly double[]? epochMs;
    private readonly int offset;
    private readonly DateTimeOffset from;
    private readonly TimeSpan step;

    private WebrtcInternalsPointTimes(int count, double[]? epochMs, int offset, DateTimeOffset from, TimeSpan step)
    {
        Count = count;
        this.epochMs = epochMs;
        this.offset = offset;
        this.from = from;
        this.step = step;
    }

    /// <summary>How many points have a time: all of them, or none when nothing dates them.</summary>
    public int Count { get; }

    public DateTimeOffset this[int i] => epochMs is null
        ? from + step * i
        : EpochTime.FromMilliseconds(epochMs[offset + i], offset == 0 && epochMs.Length == Count ? "a stats series timestamp" : "a stats object timestamp");

    public static WebrtcInternalsPointTimes Of(int count, double[]? own, DateTimeOffset? start, DateTimeOffset? end, double[]? objectTimes)
    {
        if (own is not null && own.Length == count && !HasGap(own))
        {
            return new(count, own, 0, default, default);
        }

        if (objectTimes is { Length: > 0 } && count <= objectTimes.Length)
        {
            var first = start is { } st ? Closest(objectTimes, (st - DateTimeOffset.UnixEpoch).TotalMilliseconds) : objectTimes.Length - count;
            if (first >= 0 && first + count <= objectTimes.Length && !HasGap(objectTimes.AsSpan(first, count)))
            {
                return new(count, objectTimes, first, default, default);
            }
        }

        if (start is null && end is null)
        {
            return default;
        }

        var from = start ?? end!.Value;
        var step = count > 1 ? ((end ?? from) - from) / (count - 1) : TimeSpan.Zero;
        return new(count, null, 0, from, step);
    }

    /// <summary>The earliest and the latest point.</summary>
    public (DateTimeOffset First, DateTimeOffset Last)? Range()
    {
        if (Count == 0)
        {
            return null;
        }

        if (epochMs is null)
        {
            return step >= TimeSpan.Zero ? (this[0], this[Count - 1]) : (this[Count - 1], this[0]);
        }

        var points = epochMs.AsSpan(offset, Count);
        double min = points[0], max = points[0];
        foreach (var ms in points)
        {
            min = Math.Min(min, ms);
            max = Math.Max(max, ms);
        }

        return (EpochTime.FromMilliseconds(min, "a stats object timestamp"), EpochTime.FromMilliseconds(max, "a stats object timestamp"));
    }

    private static bool HasGap(ReadOnlySpan<double> times)
    {
        foreach (var ms in times)
        {
            if (double.IsNaN(ms))
            {
                return true;
            }
        }

        return false;
    }

    private static int Closest(double[] times, double ms)
    {
        var best = -1;
        for (var i = 0; i < times.Length; i++)
        {
            if (Math.Abs(times[i] - ms) <= AlignToleranceMs && (best < 0 || Math.Abs(times[i] - ms) < Math.Abs(times[best] - ms)))
            {
                best = i;
            }
        }

        return best;
    }
}
