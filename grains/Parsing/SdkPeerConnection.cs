using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads the reports of one peer connection in an SDK batch: ReportStarted, then the report's
/// events, then its stats snapshots. Remembers stats types across the batch's reports, since a
/// delta snapshot may leave out the type of an object sent before.
/// </summary>
public sealed class SdkPeerConnection(string id, StatsFilter filter, string? clientId = null, string? userAgent = null)
{
    private readonly ApiEventMapper mapper = new(id, descriptionCallMeansSuccess: true);
    private readonly Dictionary<string, string> statsTypes = new(StringComparer.Ordinal);
    private DateTimeOffset lastTime = DateTimeOffset.UnixEpoch;

    public SdkPeerConnection(string id) : this(id, StatsFilter.All)
    {
    }

    public void Read(JsonElement report, string path, List<IceEvent> events)
    {
        var seq = JsonShape.RequireInteger(report, "seq", path);
        if (seq < 0)
        {
            throw JsonShape.Expected("a sequence number of 0 or more", $"{path}.seq");
        }

        var reportEvents = JsonShape.OptionalArray(report, "events", path);
        var snapshots = JsonShape.OptionalArray(report, "stats", path);
        var times = new List<DateTimeOffset>();
        foreach (var (list, name) in new[] { (reportEvents, "events"), (snapshots, "stats") })
        {
            var i = 0;
            foreach (var item in Items(list))
            {
                var itemPath = $"{path}.{name}[{i++}]";
                times.Add(JsonShape.RequireTime(JsonShape.RequireKind(item, JsonValueKind.Object, itemPath), "t", itemPath));
            }
        }

        lastTime = times.Count > 0 ? times.Min() : lastTime;
        events.Add(new ReportStarted(id, lastTime, seq, clientId, userAgent));

        var e = 0;
        foreach (var item in Items(reportEvents))
        {
            var itemPath = $"{path}.events[{e++}]";
            ReadEvent(item, JsonShape.RequireTime(item, "t", itemPath), itemPath, events);
        }

        var s = 0;
        foreach (var item in Items(snapshots))
        {
            var itemPath = $"{path}.stats[{s++}]";
            ReadSnapshot(item, JsonShape.RequireTime(item, "t", itemPath), itemPath, events);
        }
    }

    private void ReadEvent(JsonElement item, DateTimeOffset time, string path, List<IceEvent> events)
    {
        var type = JsonShape.RequireString(item, "type", path);
        switch (type)
        {
            case "create" or "setConfiguration":
                var config = JsonShape.Optional(item, "configuration") is { } c
                    ? IceConfigurationJson.Parse(c, $"{path}.configuration", rejectSecrets: true)
                    : null;
                events.Add(type == "create"
                    ? new PeerConnectionCreated(id, time, config)
                    : new ConfigurationChanged(id, time, config ?? throw JsonShape.Expected("an object", $"{path}.configuration")));
                return;
            case "iceconnectionstatechange" or "connectionstatechange" or "icegatheringstatechange" or "signalingstatechange":
                JsonShape.RequireString(item, "state", path);
                break;
            case "icecandidate" or "addIceCandidate":
                if (JsonShape.Optional(item, "candidate") is { } candidate)
                {
                    JsonShape.RequireKind(candidate, JsonValueKind.Object, $"{path}.candidate");
                    JsonShape.OptionalString(candidate, "type", $"{path}.candidate");
                    JsonShape.OptionalString(candidate, "protocol", $"{path}.candidate");
                    JsonShape.OptionalNumber(candidate, "priority", $"{path}.candidate");
                    JsonShape.OptionalNumber(candidate, "port", $"{path}.candidate");
                }

                break;
            case "icecandidateerror":
                JsonShape.OptionalString(item, "url", path);
                JsonShape.OptionalNumber(item, "errorCode", path);
                JsonShape.OptionalString(item, "errorText", path);
                JsonShape.OptionalString(item, "address", path);
                JsonShape.OptionalNumber(item, "port", path);
                break;
            case "setLocalDescription" or "setRemoteDescription":
                JsonShape.OptionalString(item, "sdpType", path);
                break;
            case "heartbeat":
                // The SDK still watched the connection at this time (sent while it is not connected).
                events.Add(new RecordingEnded(id, time));
                return;
        }

        events.AddRange(mapper.Map(time, type, item, path));
    }

    private void ReadSnapshot(JsonElement item, DateTimeOffset time, string path, List<IceEvent> events)
    {
        var reports = JsonShape.Optional(item, "reports") ?? throw JsonShape.Expected("an object", $"{path}.reports");
        JsonShape.RequireKind(reports, JsonValueKind.Object, $"{path}.reports");
        foreach (var stats in reports.EnumerateObject())
        {
            var statsPath = $"{path}.reports[\"{stats.Name}\"]";
            JsonShape.RequireKind(stats.Value, JsonValueKind.Object, statsPath);
            if (JsonShape.OptionalString(stats.Value, "type", statsPath) is { } type)
            {
                statsTypes[stats.Name] = type;
            }

            var known = statsTypes.GetValueOrDefault(stats.Name, "");
            events.Add(new StatsObserved(id, time, stats.Name, known, filter.Keeps(known) ? Values(stats.Value, known) : StatsFilter.NoValues));
        }
    }

    private IReadOnlyDictionary<string, object?> Values(JsonElement stats, string type)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in stats.EnumerateObject())
        {
            if (field.Name is not ("type" or "id" or "timestamp") && (filter.KeepsEverything ? field.Name : filter.KeptField(type, field.Name.AsSpan())) is { } name)
            {
                values[name] = JsonShape.ToScalar(field.Value);
            }
        }

        return values;
    }

    private static IEnumerable<JsonElement> Items(JsonElement? array) => array is { } a ? a.EnumerateArray() : [];
}
