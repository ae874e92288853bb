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
        var series = new WebrtcInternalsStatsSeries(id, filter);
        var log = new WebrtcInternalsUpdateLog(id, path);
        IceConfiguration? configuration = null;

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
                        log.Configuration = configuration;
                        foreach (var e in log.Read(json, output))
                        {
                            yield return e;
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

        if (!log.Created)
        {
            output.Add(new PeerConnectionCreated(id, series.FirstTime ?? DateTimeOffset.UnixEpoch, configuration));
            foreach (var e in EventBuffer.Drain(output))
            {
                yield return e;
            }
        }
    }

    /// <summary>An rtcConfiguration or setConfiguration value: an object, or the text Chrome prints.</summary>
    internal static IceConfiguration Configuration(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Object => IceConfigurationJson.Parse(value, path, rejectSecrets: false),
        JsonValueKind.String => RtcConfigurationString.Parse(value.GetString()),
        _ => new IceConfiguration([], Malformed: true),
    };
}
