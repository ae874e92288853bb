using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>The arrays inside one webrtc-internals stats series and the times of its points.</summary>
public static class WebrtcInternalsSeriesArrays
{
    // How far a series' startTime may lie from the point it started at.
    private const double AlignToleranceMs = 1000;

    /// <summary>An array that Chrome stores as JSON text inside a string (or, in some versions, as an array).</summary>
    public static JsonElement? Read(JsonElement series, string name, string path)
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

            case { } other:
                throw JsonShape.Expected("a JSON array", $"{path}.{name}", other);
            default:
                return null;
        }
    }

    /// <summary>
    /// The times of a series' points: its own "timestamps" when it has them, else the points of its
    /// stats object's timestamp series from where the series started (a field that appeared later
    /// has fewer points), else spread evenly between startTime and endTime.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Times(JsonElement series, int count, double[]? objectTimes)
    {
        if (Read(series, "timestamps", "timestamps") is { } own && own.GetArrayLength() == count
            && own.EnumerateArray().All(t => t.ValueKind == JsonValueKind.Number))
        {
            return own.EnumerateArray().Select(t => EpochTime.FromMilliseconds(t.GetDouble(), "a stats series timestamp")).ToList();
        }

        var start = JsonShape.Optional(series, "startTime") is { } s ? WebrtcInternalsTime.Parse(s) : null;
        var end = JsonShape.Optional(series, "endTime") is { } e ? WebrtcInternalsTime.Parse(e) : null;
        if (objectTimes is { Length: > 0 } && count <= objectTimes.Length)
        {
            var first = start is { } st ? Closest(objectTimes, (st - DateTimeOffset.UnixEpoch).TotalMilliseconds) : objectTimes.Length - count;
            if (first >= 0 && first + count <= objectTimes.Length && !objectTimes.Skip(first).Take(count).Any(double.IsNaN))
            {
                return objectTimes.Skip(first).Take(count).Select(ms => EpochTime.FromMilliseconds(ms, "a stats object timestamp")).ToList();
            }
        }

        if (start is null && end is null)
        {
            return [];
        }

        var from = start ?? end!.Value;
        var step = count > 1 ? ((end ?? from) - from) / (count - 1) : TimeSpan.Zero;
        return Enumerable.Range(0, count).Select(i => from + step * i).ToList();
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
