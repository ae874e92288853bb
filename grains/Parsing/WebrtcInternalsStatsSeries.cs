using System.Text;
using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Turns the stats of one peer connection in a webrtc-internals dump into StatsObserved events.
/// The dump keeps one series per field ("&lt;statsId&gt;-&lt;field&gt;"). Series of one stats object mostly
/// follow each other (fields that appear later are appended at the end), so runs of the same id
/// are gathered and given out per point in time; memory stays at one run plus each object's
/// point times. Fields the filter leaves out are counted, not decoded; a stats object whose type it
/// leaves out gives only its first and last time.
/// </summary>
public sealed class WebrtcInternalsStatsSeries(string peerConnectionId, StatsFilter filter)
{
    // Chrome keeps at most this many points per series and drops the oldest.
    private const int ChromePointCap = 1000;

    private readonly Dictionary<string, double[]> pointTimes = new(StringComparer.Ordinal);
    private readonly List<Field> run = [];
    private readonly WebrtcInternalsSeriesValues values = new();
    private readonly LastTime startTimes = new();
    private readonly LastTime endTimes = new();
    private byte[] keyScratch = new byte[256];
    private byte[] statsIdBytes = [];
    private byte[] typeBytes = [];
    private string type = "";
    private bool typeIsLegacy;
    private string runType = "";
    private string? statsId;
    private bool keepsType;
    private bool capped;

    public WebrtcInternalsStatsSeries(string peerConnectionId) : this(peerConnectionId, StatsFilter.All)
    {
    }

    /// <summary>The earliest time of any point given out so far.</summary>
    public DateTimeOffset? FirstTime { get; private set; }

    /// <summary>Adds one series; when a new stats object begins, first adds the events of the previous run.</summary>
    public void Add(scoped in WebrtcInternalsSeriesText series, string path, List<IceEvent> events)
    {
        var key = series.Key.Utf8Text(ref keyScratch);
        var dash = key.LastIndexOf((byte)'-');
        if (dash <= 0 || series.Value.Type != JsonTokenType.StartObject || series.StatsType.Type != JsonTokenType.String)
        {
            return;
        }

        var id = key[..dash];
        var field = key[(dash + 1)..];
        if (IsLegacy(series.StatsType, id) || field.IsEmpty || field[0] == '[' || field.SequenceEqual("type"u8) || field.SequenceEqual("id"u8))
        {
            return;
        }

        if (statsId is null || !id.SequenceEqual(statsIdBytes))
        {
            Flush(events);
            statsIdBytes = id.ToArray();
            statsId = Encoding.UTF8.GetString(id);
        }

        runType = type;
        keepsType = filter.Keeps(runType);
        if (series.Values.IsAbsent)
        {
            return;
        }

        var where = new WebrtcInternalsSeriesValues.Where(path, key, "values");
        var array = values.ArrayText(series.Values, where);
        if (field.SequenceEqual("timestamp"u8))
        {
            // Since M117 the stats' own timestamps are a series of their own: the times of the points.
            var times = WebrtcInternalsSeriesValues.Numbers(array, where);
            capped |= times.Length == ChromePointCap;
            pointTimes[statsId] = times;
            return;
        }

        var name = keepsType ? filter.KeptField(runType, field) : null;
        var points = name is null ? null : WebrtcInternalsSeriesValues.Scalars(array, where);
        var count = points?.Length ?? WebrtcInternalsSeriesValues.Count(array, where);
        capped |= count == ChromePointCap;
        var own = series.Timestamps.IsAbsent ? null
            : WebrtcInternalsSeriesValues.Numbers(values.ArrayText(series.Timestamps, where.Of("timestamps")), where.Of("timestamps"));
        run.Add(new Field(name, points, count, own, startTimes.Parse(series.StartTime), endTimes.Parse(series.EndTime)));
    }

    /// <summary>Adds the events of the run gathered so far.</summary>
    public void Flush(List<IceEvent> events)
    {
        var objectTimes = statsId is null ? null : pointTimes.GetValueOrDefault(statsId);
        var first = keepsType ? FlushPoints(objectTimes, events) : FlushRange(objectTimes, events);
        if (first is { } f && (FirstTime is null || f < FirstTime))
        {
            FirstTime = f;
        }

        run.Clear();
        statsId = null;
        capped = false;
    }

    // Every point in time of a kept stats object, with the kept fields' values, in time order.
    private DateTimeOffset? FlushPoints(double[]? objectTimes, List<IceEvent> events)
    {
        var slots = new Dictionary<DateTimeOffset, int>();
        var points = new List<(DateTimeOffset Time, Dictionary<string, object?>? Values)>();
        foreach (var field in run)
        {
            var times = WebrtcInternalsPointTimes.Of(field.Count, field.Own, field.Start, field.End, objectTimes);
            for (var i = 0; i < times.Count; i++)
            {
                if (!slots.TryGetValue(times[i], out var slot))
                {
                    slots[times[i]] = slot = points.Count;
                    points.Add((times[i], null));
                }

                if (field.Points is not null)
                {
                    var values = points[slot].Values ?? new Dictionary<string, object?>(StringComparer.Ordinal);
                    values[field.Name!] = field.Points[i];
                    points[slot] = (times[i], values);
                }
            }
        }

        if (points.Count == 0)
        {
            return null;
        }

        points.Sort((a, b) => a.Time.CompareTo(b.Time));
        NoteCap(points[0].Time, events);
        foreach (var (time, values) in points)
        {
            events.Add(new StatsObserved(peerConnectionId, time, statsId!, runType, values ?? StatsFilter.NoValues));
        }

        return points[0].Time;
    }

    // A stats object the filter leaves out: only when it was seen.
    private DateTimeOffset? FlushRange(double[]? objectTimes, List<IceEvent> events)
    {
        (DateTimeOffset First, DateTimeOffset Last)? range = null;
        foreach (var field in run)
        {
            if (WebrtcInternalsPointTimes.Of(field.Count, field.Own, field.Start, field.End, objectTimes).Range() is { } r)
            {
                range = range is { } known ? (Min(known.First, r.First), Max(known.Last, r.Last)) : r;
            }
        }

        if (range is not { } seen)
        {
            return null;
        }

        NoteCap(seen.First, events);
        events.Add(new StatsObserved(peerConnectionId, seen.First, statsId!, runType, StatsFilter.NoValues));
        if (seen.Last != seen.First)
        {
            events.Add(new StatsObserved(peerConnectionId, seen.Last, statsId!, runType, StatsFilter.NoValues));
        }

        return seen.First;
    }

    private void NoteCap(DateTimeOffset from, List<IceEvent> events)
    {
        if (capped)
        {
            // One wording for every capped series, so the verdict's evidence says it once.
            events.Add(new ObservationNoted(peerConnectionId, from,
                $"stats series capped at {ChromePointCap} points by Chrome: the earliest stats of the call were lost"));
        }
    }

    // The type of a series is nearly always the one of the series before it.
    private bool IsLegacy(JsonToken statsType, ReadOnlySpan<byte> id)
    {
        if (!statsType.Raw.SequenceEqual(typeBytes))
        {
            typeBytes = statsType.Raw.ToArray();
            type = statsType.Text();
            typeIsLegacy = WebrtcInternalsLegacyStats.IsLegacyType(type);
        }

        return typeIsLegacy || id.StartsWith("Conn-"u8);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record Field(string? Name, object?[]? Points, int Count, double[]? Own, DateTimeOffset? Start, DateTimeOffset? End);

    // The series of one object share their start and end times: parse each text once.
    private sealed class LastTime
    {
        private byte[] text = [];
        private DateTimeOffset? time;

        public DateTimeOffset? Parse(JsonToken token)
        {
            if (token.IsAbsent)
            {
                return null;
            }

            if (!token.Raw.SequenceEqual(text))
            {
                text = token.Raw.ToArray();
                time = WebrtcInternalsTime.Parse(token);
            }

            return time;
        }
    }
}
