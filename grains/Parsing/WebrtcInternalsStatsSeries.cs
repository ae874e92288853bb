using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Turns the stats of one peer connection in a webrtc-internals dump into StatsObserved events.
/// The dump keeps one series per field ("&lt;statsId&gt;-&lt;field&gt;"); the series of one stats object
/// follow each other, so they are gathered until the id changes and then given out per point in
/// time, which keeps memory to one stats object's history.
/// </summary>
public sealed class WebrtcInternalsStatsSeries(string peerConnectionId)
{
    // Chrome keeps at most this many points per series and drops the oldest.
    private const int ChromePointCap = 1000;

    private static readonly HashSet<string> SingleWordTypes =
        ["codec", "transport", "certificate", "track", "stream", "transceiver", "sender", "receiver", "csrc"];

    private readonly SortedDictionary<DateTimeOffset, Dictionary<string, object?>> points = [];
    private string? statsId;
    private string? statsType;
    private DateTimeOffset? cappedFrom;

    /// <summary>Adds one series; returns the events of the previous stats object once a new one begins.</summary>
    public IEnumerable<IceEvent> Add(string key, JsonElement series, string path)
    {
        var dash = key.LastIndexOf('-');
        if (dash <= 0 || series.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var id = key[..dash];
        var field = key[(dash + 1)..];
        var type = JsonShape.Optional(series, "statsType") is { ValueKind: JsonValueKind.String } t ? t.GetString()! : null;
        if (type is null || IsLegacy(id, type) || field.Length == 0 || field[0] == '[' || field is "type" or "id" or "timestamp")
        {
            return [];
        }

        var flushed = id == statsId ? [] : Flush();
        statsId = id;
        statsType = type;
        AddPoints(field, series, path);
        return flushed;
    }

    /// <summary>The events of the stats object gathered so far.</summary>
    public IReadOnlyList<IceEvent> Flush()
    {
        var events = new List<IceEvent>(points.Count + 1);
        if (statsId is not null && cappedFrom is { } from)
        {
            events.Add(new ObservationNoted(peerConnectionId, from,
                $"stats of {statsId} reached Chrome's cap of {ChromePointCap} points per series: values before {from:O} were lost"));
        }

        foreach (var (time, values) in points)
        {
            events.Add(new StatsObserved(peerConnectionId, time, statsId!, statsType!, values));
        }

        points.Clear();
        statsId = null;
        cappedFrom = null;
        return events;
    }

    private void AddPoints(string field, JsonElement series, string path)
    {
        var values = JsonArray(series, "values", path);
        if (values is null)
        {
            return;
        }

        var count = values.Value.GetArrayLength();
        var times = Times(series, count, path);
        if (count == ChromePointCap && times.Count > 0 && (cappedFrom is null || times[0] < cappedFrom))
        {
            cappedFrom = times[0];
        }

        var i = 0;
        foreach (var value in values.Value.EnumerateArray())
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

    // Per-point timestamps exist since M117; before, the points are spread over startTime..endTime.
    private static List<DateTimeOffset> Times(JsonElement series, int count, string path)
    {
        if (JsonArray(series, "timestamps", path) is { } stamps && stamps.GetArrayLength() == count)
        {
            return stamps.EnumerateArray().Select(WebrtcInternalsTime.Parse).OfType<DateTimeOffset>().ToList() is { } parsed
                   && parsed.Count == count ? parsed : [];
        }

        var startTime = JsonShape.Optional(series, "startTime") is { } s ? WebrtcInternalsTime.Parse(s) : null;
        var endTime = JsonShape.Optional(series, "endTime") is { } e ? WebrtcInternalsTime.Parse(e) : null;
        if (startTime is null && endTime is null)
        {
            return [];
        }

        var from = startTime ?? endTime!.Value;
        var to = endTime ?? from;
        var step = count > 1 ? (to - from) / (count - 1) : TimeSpan.Zero;
        return Enumerable.Range(0, count).Select(i => from + step * i).ToList();
    }

    // Chrome stores the arrays as JSON text inside a string.
    private static JsonElement? JsonArray(JsonElement series, string name, string path)
    {
        switch (JsonShape.Optional(series, name))
        {
            case { ValueKind: JsonValueKind.Array } array:
                return array;
            case { ValueKind: JsonValueKind.String } text:
                try
                {
                    using var doc = JsonDocument.Parse(text.GetString()!, new JsonDocumentOptions { MaxDepth = UploadLimits.MaxJsonDepth });
                    return doc.RootElement.ValueKind == JsonValueKind.Array
                        ? doc.RootElement.Clone()
                        : throw JsonShape.Expected("a JSON array", $"{path}.{name}");
                }
                catch (JsonException e)
                {
                    throw new UploadFormatException($"expected a JSON array at {path}.{name}: {e.Message}", e);
                }

            default:
                return null;
        }
    }

    // Pre-standard ("goog*", "Conn-*", "ssrc", "VideoBwe", "localcandidate") stats describe nothing the standard ones miss.
    private static bool IsLegacy(string id, string type) =>
        type.StartsWith("goog", StringComparison.Ordinal)
        || id.StartsWith("Conn-", StringComparison.Ordinal)
        || !(type.Contains('-') || SingleWordTypes.Contains(type))
        || type.Any(char.IsUpper);
}
