using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads one entry of a webrtc-internals dump's "PeerConnections": its rtcConfiguration, its
/// updateLog ([{ time, type, value }]) and its stats series. Gives PeerConnectionCreated first,
/// then the update log in its order, then the stats, each stats object in time order.
/// </summary>
public static class WebrtcInternalsPeerConnectionReader
{
    /// <summary>Reads the peer connection object that <paramref name="json"/> is about to start.</summary>
    public static IEnumerable<IceEvent> Read(JsonTokenStream json, string id)
    {
        var path = $"PeerConnections[\"{id}\"]";
        json.Expect(JsonTokenType.StartObject, "an object", path);
        var mapper = new ApiEventMapper(id);
        var series = new WebrtcInternalsStatsSeries(id);
        IceConfiguration? configuration = null;
        DateTimeOffset? lastTime = null;
        var created = false;

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            switch (json.Text)
            {
                case "rtcConfiguration":
                    configuration = Configuration(json.ReadValue(), path);
                    break;
                case "updateLog":
                    json.Expect(JsonTokenType.StartArray, "an array", $"{path}.updateLog");
                    for (var i = 0; json.TryReadElement(out var entry); i++)
                    {
                        var entryPath = $"{path}.updateLog[{i}]";
                        JsonShape.RequireKind(entry, JsonValueKind.Object, entryPath);
                        var time = (JsonShape.Optional(entry, "time") is { } t ? WebrtcInternalsTime.Parse(t) : null) ?? lastTime;
                        if (time is null)
                        {
                            continue;
                        }

                        lastTime = time;
                        if (!created)
                        {
                            created = true;
                            yield return new PeerConnectionCreated(id, time.Value, configuration);
                        }

                        var type = JsonShape.OptionalString(entry, "type", entryPath) ?? "";
                        var value = JsonShape.Optional(entry, "value") ?? default;
                        if (ApiEventNames.Normalize(type) == "setconfiguration")
                        {
                            var changed = Configuration(value, entryPath);
                            yield return new ConfigurationChanged(id, time.Value, changed);
                            continue;
                        }

                        foreach (var e in mapper.Map(time.Value, type, value, $"{entryPath}.value"))
                        {
                            yield return e;
                        }
                    }

                    break;
                case "stats":
                    json.Expect(JsonTokenType.StartObject, "an object", $"{path}.stats");
                    while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = json.Text!;
                        foreach (var e in series.Add(key, json.ReadValue(), $"{path}.stats[\"{key}\"]"))
                        {
                            if (!created)
                            {
                                created = true;
                                yield return new PeerConnectionCreated(id, e.Time, configuration);
                            }

                            yield return e;
                        }
                    }

                    break;
                default:
                    json.SkipValue();
                    break;
            }
        }

        foreach (var e in series.Flush())
        {
            if (!created)
            {
                created = true;
                yield return new PeerConnectionCreated(id, e.Time, configuration);
            }

            yield return e;
        }

        if (!created)
        {
            // Nothing dated was logged: the peer connection existed, but when is unknown.
            yield return new PeerConnectionCreated(id, DateTimeOffset.UnixEpoch, configuration);
        }
    }

    private static IceConfiguration Configuration(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Object => IceConfigurationJson.Parse(value, path, rejectSecrets: false),
        JsonValueKind.String => RtcConfigurationString.Parse(value.GetString()),
        _ => new IceConfiguration([], Malformed: true),
    };
}
