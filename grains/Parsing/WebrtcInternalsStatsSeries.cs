using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Turns the stats of one peer connection in a webrtc-internals dump into StatsObserved events.
/// The dump keeps one series per field ("&lt;statsId&gt;-&lt;field&gt;"). Series of one stats object mostly
/// follow each other (fields that appear later are appended at the end), so runs of the same id
/// are gathered and given out per point in time; memory stays at one run plus each object's
/// point times.
/// </summary>
public sealed class WebrtcInternalsStatsSeries(string peerConnectionId)
{
    // Chrome keeps at most this many points per series and drops the oldest.
    private const int ChromePointCap = 1000;

    private readonly Dictionary<string, double[]> pointTimes = new(StringComparer.Ordinal);
    private readonly List<(string Field, JsonElement Values, JsonElement Series)> run = [];
    private string? statsId;
    private string? statsType;
    private bool capped;

    /// <summary>The earliest time of any point given out so far.</summary>
    public DateTimeOffset? FirstTime { get; private set; }

    /// <summary>Adds one series; returns the events of the previous run once a new stats object begins.</summary>
    public IReadOnlyList<IceEvent> Add(string key, JsonElement series, string path)
    {
        var dash = key.LastIndexOf('-');
        if (dash <= 0 || series.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var id = key[..dash];
        var field = key[(dash + 1)..];
        var type = JsonShape.Optional(series, "statsType") is { ValueKind: JsonValueKind.String } t ? t.GetString()! : null;
        if (type is null || WebrtcInternalsLegacyStats.IsLegacy(id, type) || field.Length == 0 || field[0] == '[' || field is "type" or "id")
        {
            return [];
        }

        var flushed = id == statsId ? [] : Flush();
        statsId = id;
        statsType = type;
        var values = WebrtcInternalsSeriesArrays.Read(series, "values", path) ?? default;
        if (values.ValueKind != JsonValueKind.Array)
        {
            return flushed;
        }

        capped |= values.GetArrayLength() == ChromePointCap;
        if (field == "timestamp")
        {
            // Since M117 the stats' own timestamps are a series of their own: the times of the points.
            pointTimes[id] = values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray();
        }
        else
        {
            run.Add((field, values, series));
        }

        return flushed;
    }

    /// <summary>The events of the run gathered so far.</summary>
    public IReadOnlyList<IceEvent> Flush()
    {
        var points = new SortedDictionary<DateTimeOffset, Dictionary<string, object?>>();
        foreach (var (field, values, series) in run)
        {
            var times = WebrtcInternalsSeriesArrays.Times(series, values.GetArrayLength(), pointTimes.GetValueOrDefault(statsId!));
            var i = 0;
            foreach (var value in values.EnumerateArray())
            {
                if (i < times.Count)
                {
                    if (!points.TryGetValue(times[i], out var at))
                    {
                        points[times[i]] = at = new Dictionary<string, object?>(StringComparer.Ordinal);
                    }

                    at[field] = JsonShape.ToScalar(value);
                }

                i++;
            }
        }

        var events = new List<IceEvent>(points.Count + 1);
        if (capped && points.Count > 0)
        {
            var from = points.Keys.First();
            events.Add(new ObservationNoted(peerConnectionId, from,
                $"stats of {statsId} reached Chrome's cap of {ChromePointCap} points per series: values before {from:O} were lost"));
        }

        foreach (var (time, values) in points)
        {
            events.Add(new StatsObserved(peerConnectionId, time, statsId!, statsType!, values));
        }

        if (points.Count > 0 && (FirstTime is null || points.Keys.First() < FirstTime))
        {
            FirstTime = points.Keys.First();
        }

        run.Clear();
        statsId = null;
        capped = false;
        return events;
    }
}
