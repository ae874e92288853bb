using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads one entry of a webrtc-internals dump's "PeerConnections": its rtcConfiguration, its stats
/// series and its updateLog ([{ type, value, timestamp }], "time" in older versions), in the order
/// the dump has them. Chrome writes the stats before the log, so a peer connection's events are
/// not in time order; PeerConnectionCreated carries the time of the first log entry and comes just
/// before the log's events.
/// </summary>
public static class WebrtcInternalsPeerConnectionReader
{
    /// <summary>
    /// Reads the peer connection object that <paramref name="json"/> is about to start into
    /// <paramref name="output"/>, giving out its events as they are read.
    /// </summary>
    public static IEnumerable<IceEvent> Read(JsonTokenStream json, string id, StatsFilter filter, UploadOutput output)
    {
        var path = $"PeerConnections[\"{id}\"]";
        json.Expect(JsonTokenType.StartObject, "an object", path);
        var mapper = new ApiEventMapper(id);
        var series = new WebrtcInternalsStatsSeries(id, filter);
        IceConfiguration? configuration = null;
        DateTimeOffset? lastTime = null;
        var created = false;

        try
        {
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                switch (json.Text)
                {
                    case "rtcConfiguration":
                        configuration = Configuration(json.ReadValue(), $"{path}.rtcConfiguration");
                        break;
                    case "stats":
                        foreach (var e in WebrtcInternalsStatsReader.Read(json, series, path, output))
                        {
                            yield return e;
                        }

                        break;
                    case "updateLog":
                        json.Expect(JsonTokenType.StartArray, "an array", $"{path}.updateLog");
                        for (var i = 0; json.TryReadElement(out var entry); i++)
                        {
                            var entryPath = $"{path}.updateLog[{i}]";
                            JsonShape.RequireKind(entry, JsonValueKind.Object, entryPath);
                            var time = Time(entry) ?? lastTime;
                            if (time is null)
                            {
                                continue;
                            }

                            lastTime = time;
                            if (!created)
                            {
                                created = true;
                                output.Add(new PeerConnectionCreated(id, time.Value, configuration));
                            }

                            foreach (var e in Map(mapper, id, entry, time.Value, entryPath))
                            {
                                output.Add(e);
                            }

                            foreach (var e in EventBuffer.Drain(output))
                            {
                                yield return e;
                            }
                        }

                        break;
                    default:
                        json.SkipValue();
                        break;
                }
            }

        }
        finally
        {
            series.Release();
        }

        if (!created)
        {
            output.Add(new PeerConnectionCreated(id, series.FirstTime ?? DateTimeOffset.UnixEpoch, configuration));
            foreach (var e in EventBuffer.Drain(output))
            {
                yield return e;
            }
        }
    }

    private static IEnumerable<IceEvent> Map(ApiEventMapper mapper, string id, JsonElement entry, DateTimeOffset time, string path)
    {
        var type = JsonShape.OptionalString(entry, "type", path) ?? "";
        var value = JsonShape.Optional(entry, "value") ?? default;
        return ApiEventNames.Normalize(type) == "setconfiguration"
            ? [new ConfigurationChanged(id, time, Configuration(value, $"{path}.value"))]
            : mapper.Map(time, type, value, $"{path}.value");
    }

    private static DateTimeOffset? Time(JsonElement entry) =>
        (JsonShape.Optional(entry, "timestamp") ?? JsonShape.Optional(entry, "time")) is { } t ? WebrtcInternalsTime.Parse(t) : null;

    private static IceConfiguration Configuration(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Object => IceConfigurationJson.Parse(value, path, rejectSecrets: false),
        JsonValueKind.String => RtcConfigurationString.Parse(value.GetString()),
        _ => new IceConfiguration([], Malformed: true),
    };
}
