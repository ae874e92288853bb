using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Turns the stats of one peer connection in a webrtc-internals dump into stats objects at points
/// in time. The dump keeps one series per field ("&lt;statsId&gt;-&lt;field&gt;"). Series of one stats
/// object mostly follow each other (fields that appear later are appended at the end), so runs of
/// the same id are gathered (<see cref="WebrtcInternalsStatsObject"/>) and given out per point in
/// time; memory stays at one run plus each object's point times. Fields the filter leaves out are
/// counted, not decoded; a stats object whose type it leaves out gives only its first and last time.
/// </summary>
public sealed class WebrtcInternalsStatsSeries
{
    // The buffers of a reader are reused by the next one (a dump has hundreds of peer connections).
    private static readonly ConcurrentBag<(WebrtcInternalsStatsObject, WebrtcInternalsSeriesValues)> Spare = [];

    private readonly Dictionary<string, double[]> pointTimes = new(StringComparer.Ordinal);
    private readonly string peerConnectionId;
    private readonly StatsFilter filter;
    private readonly WebrtcInternalsStatsObject run;
    private readonly WebrtcInternalsSeriesValues values;
    private readonly LastTime startTimes = new();
    private readonly LastTime endTimes = new();
    private byte[] keyScratch = new byte[256];
    private byte[] statsIdBytes = [];
    private byte[] typeBytes = [];
    private string type = "";
    private bool typeIsLegacy;
    private string? statsId;

    public WebrtcInternalsStatsSeries(string peerConnectionId, StatsFilter filter)
    {
        this.peerConnectionId = peerConnectionId;
        this.filter = filter;
        (run, values) = Rent();
    }

    public WebrtcInternalsStatsSeries(string peerConnectionId) : this(peerConnectionId, StatsFilter.All)
    {
    }

    private static (WebrtcInternalsStatsObject, WebrtcInternalsSeriesValues) Rent() =>
        Spare.TryTake(out var spare) ? spare : (new WebrtcInternalsStatsObject(), new WebrtcInternalsSeriesValues());

    /// <summary>Hands this reader's buffers to the next one; nothing may be read after.</summary>
    public void Release()
    {
        run.Clear();
        if (Spare.Count < 4 * Environment.ProcessorCount)
        {
            Spare.Add((run, values));
        }
    }

    /// <summary>The earliest time of any point given out so far.</summary>
    public DateTimeOffset? FirstTime { get; private set; }

    /// <summary>Adds one series; when a new stats object begins, first gives out the previous one.</summary>
    public void Add(scoped in WebrtcInternalsSeriesText series, string path, UploadOutput output)
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
            Flush(output);
            statsIdBytes = id.ToArray();
            statsId = Encoding.UTF8.GetString(id);
            run.Start(peerConnectionId, statsId);
        }

        // The object's type is that of its last series.
        run.Type = type;
        run.KeepsType = filter.Keeps(type);
        if (series.Values.IsAbsent)
        {
            return;
        }

        var where = new WebrtcInternalsSeriesValues.Where(path, key, "values");
        if (field.SequenceEqual("timestamp"u8))
        {
            // Since M117 the stats' own timestamps are a series of their own: the times of the points.
            var times = WebrtcInternalsSeriesValues.Numbers(values.ArrayText(series.Values, where), where);
            run.Capped |= times.Length == WebrtcInternalsStatsObject.ChromePointCap;
            pointTimes[statsId] = times;
            return;
        }

        var name = run.KeepsType ? filter.KeptField(type, field) : null;
        var count = name is null ? values.Count(series.Values, where) : WebrtcInternalsSeriesValues.Read(values.ArrayText(series.Values, where), where, run.Values);
        var own = series.Timestamps.IsAbsent ? null
            : WebrtcInternalsSeriesValues.Numbers(values.ArrayText(series.Timestamps, where.Of("timestamps")), where.Of("timestamps"));
        run.Add(name, count, own, startTimes.Parse(series.StartTime), endTimes.Parse(series.EndTime));
    }

    /// <summary>Gives out the stats object gathered so far.</summary>
    public void Flush(UploadOutput output)
    {
        if (statsId is null)
        {
            return;
        }

        var first = run.Flush(pointTimes.GetValueOrDefault(statsId), output);
        if (first is { } f && (FirstTime is null || f < FirstTime))
        {
            FirstTime = f;
        }

        statsId = null;
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
