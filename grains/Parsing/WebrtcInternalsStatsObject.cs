using System.Runtime.InteropServices;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// The series of one stats object of a webrtc-internals dump, gathered one by one, then given out
/// as the object's points in time order: for a type the filter keeps, every point in time with the
/// kept fields that have a value then; for any other, only its first and last time.
/// </summary>
internal sealed class WebrtcInternalsStatsObject
{
    // Chrome keeps at most this many points per series and drops the oldest.
    public const int ChromePointCap = 1000;

    private readonly List<Series> series = [];
    private readonly List<StatValue> values = [];
    private readonly List<(long Ticks, int Series, int Point)> points = [];
    private readonly List<int> order = [];
    private StatField[] slot = new StatField[16];
    private string peerConnectionId = "";

    public string Id { get; private set; } = "";

    public string Type { get; set; } = "";

    public bool KeepsType { get; set; }

    public bool Capped { get; set; }

    /// <summary>The values of kept fields are appended here by the caller, then named by <see cref="Add"/>.</summary>
    public List<StatValue> Values => values;

    public void Start(string peerConnection, string id)
    {
        peerConnectionId = peerConnection;
        Id = id;
        series.Clear();
        values.Clear();
        Capped = false;
    }

    /// <summary>One series: <paramref name="count"/> points; a kept one's values are the last <paramref name="count"/> of <see cref="Values"/>.</summary>
    public void Add(string? keptName, int count, double[]? own, DateTimeOffset? start, DateTimeOffset? end)
    {
        Capped |= count == ChromePointCap;
        series.Add(new Series(keptName, keptName is null ? -1 : values.Count - count, count, own, start, end));
    }

    /// <summary>Lets go of the values of the last object (the instance is kept for another peer connection).</summary>
    public void Clear()
    {
        series.Clear();
        values.Clear();
        Array.Clear(slot);
    }

    /// <summary>Gives out the object's points; returns the earliest, if any.</summary>
    public DateTimeOffset? Flush(double[]? objectTimes, UploadOutput output) =>
        KeepsType ? FlushPoints(objectTimes, output) : FlushRange(objectTimes, output);

    private DateTimeOffset? FlushPoints(double[]? objectTimes, UploadOutput output)
    {
        points.Clear();
        for (var s = 0; s < series.Count; s++)
        {
            var times = Times(series[s], objectTimes);
            for (var i = 0; i < times.Count; i++)
            {
                points.Add((times[i].UtcTicks, s, i));
            }
        }

        if (points.Count == 0)
        {
            return null;
        }

        SortByTime();
        var first = new DateTimeOffset(points[order[0]].Ticks, TimeSpan.Zero);
        NoteCap(first, output);
        var all = CollectionsMarshal.AsSpan(points);
        var kept = CollectionsMarshal.AsSpan(values);
        for (var at = 0; at < order.Count;)
        {
            var ticks = all[order[at]].Ticks;
            var fields = 0;
            for (; at < order.Count && all[order[at]].Ticks == ticks; at++)
            {
                var (_, s, i) = all[order[at]];
                if (series[s].Name is { } name)
                {
                    if (fields == slot.Length) Array.Resize(ref slot, fields * 2);
                    slot[fields++] = new StatField(name, kept[series[s].ValuesAt + i]);
                }
            }

            output.AddStats(peerConnectionId, new DateTimeOffset(ticks, TimeSpan.Zero), Id, Type, slot.AsSpan(0, fields));
        }

        return first;
    }

    // The points in time order; points at one time in the order they were added. The series of an
    // object nearly always share their times, in order: then no sort is needed.
    private void SortByTime()
    {
        order.Clear();
        var all = CollectionsMarshal.AsSpan(points);
        var perSeries = 1;
        while (perSeries < all.Length && all[perSeries].Series == all[0].Series) perSeries++;
        if (SharedAscendingTimes(all, perSeries))
        {
            for (var i = 0; i < perSeries; i++)
            {
                for (var p = i; p < all.Length; p += perSeries) order.Add(p);
            }

            return;
        }

        for (var p = 0; p < all.Length; p++) order.Add(p);
        order.Sort((a, b) => points[a].Ticks != points[b].Ticks ? points[a].Ticks.CompareTo(points[b].Ticks) : a.CompareTo(b));
    }

    private static bool SharedAscendingTimes(ReadOnlySpan<(long Ticks, int Series, int Point)> all, int perSeries)
    {
        if (all.Length % perSeries != 0)
        {
            return false;
        }

        for (var p = 1; p < perSeries; p++)
        {
            if (all[p].Ticks <= all[p - 1].Ticks) return false;
        }

        for (var p = perSeries; p < all.Length; p++)
        {
            if (all[p].Ticks != all[p - perSeries].Ticks) return false;
        }

        return true;
    }

    private DateTimeOffset? FlushRange(double[]? objectTimes, UploadOutput output)
    {
        (DateTimeOffset First, DateTimeOffset Last)? range = null;
        foreach (var s in series)
        {
            if (Times(s, objectTimes).Range() is { } r)
            {
                range = range is { } known ? (Min(known.First, r.First), Max(known.Last, r.Last)) : r;
            }
        }

        if (range is not { } seen)
        {
            return null;
        }

        NoteCap(seen.First, output);
        output.AddStats(peerConnectionId, seen.First, Id, Type, []);
        if (seen.Last != seen.First)
        {
            output.AddStats(peerConnectionId, seen.Last, Id, Type, []);
        }

        return seen.First;
    }

    private void NoteCap(DateTimeOffset from, UploadOutput output)
    {
        if (Capped)
        {
            // One wording for every capped series, so the verdict's evidence says it once.
            output.Add(new Events.ObservationNoted(peerConnectionId, from,
                $"stats series capped at {ChromePointCap} points by Chrome: the earliest stats of the call were lost"));
        }
    }

    private static WebrtcInternalsPointTimes Times(Series s, double[]? objectTimes) =>
        WebrtcInternalsPointTimes.Of(s.Count, s.Own, s.Start, s.End, objectTimes);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private readonly record struct Series(string? Name, int ValuesAt, int Count, double[]? Own, DateTimeOffset? Start, DateTimeOffset? End);
}
