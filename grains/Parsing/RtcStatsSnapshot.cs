using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Turns the getStats values of one peer connection in an rtcstats dump into StatsObserved
/// events. Snapshots may be delta-compressed against the previous one: an object left out did
/// not change, a field left out kept its value, null means the object is gone, and the type is
/// only sent the first time; the common timestamp moves to a top-level "t".
/// </summary>
public sealed class RtcStatsSnapshot(string peerConnectionId)
{
    private readonly Dictionary<string, string> types = new(StringComparer.Ordinal);

    public IEnumerable<IceEvent> Read(JsonElement snapshot, DateTimeOffset lineTime, string path)
    {
        if (snapshot.ValueKind != JsonValueKind.Object)
        {
            throw JsonShape.Expected("an object of stats", path, snapshot);
        }

        var common = snapshot.TryGetProperty(RtcStatsCompression.TimestampKey, out var t) ? Time(t) : null;
        var events = new List<IceEvent>();
        foreach (var stats in snapshot.EnumerateObject())
        {
            if (stats.Value.ValueKind == JsonValueKind.Null)
            {
                types.Remove(stats.Name);
                continue;
            }

            if (stats.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            string? type = null;
            DateTimeOffset? own = null;
            foreach (var field in stats.Value.EnumerateObject())
            {
                var name = RtcStatsCompression.Property(field.Name);
                switch (name)
                {
                    case "type":
                        type = RtcStatsCompression.StatsType(field.Value.ValueKind == JsonValueKind.Number ? field.Value.GetRawText() : field.Value.GetString() ?? "");
                        break;
                    case "timestamp":
                        own = Time(field.Value);
                        break;
                    case "id":
                        break;
                    case ['[', ..]:
                        break; // rates webrtc-internals worked out, not stats

                    default:
                        values[name] = JsonShape.ToScalar(field.Value);
                        break;
                }
            }

            if (type is not null)
            {
                types[stats.Name] = type;
            }

            if (values.Count > 0)
            {
                events.Add(new StatsObserved(peerConnectionId, own ?? common ?? lineTime, stats.Name,
                    types.GetValueOrDefault(stats.Name, ""), values));
            }
        }

        return events;
    }

    private static DateTimeOffset? Time(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.GetDouble() is > 1e12 and < 1e14 and var ms
            ? DateTimeOffset.UnixEpoch.AddMilliseconds(ms)
            : null;
}
