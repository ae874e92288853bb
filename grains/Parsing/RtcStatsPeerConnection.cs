using System.Runtime.InteropServices;
using System.Text.Json;
using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>What an rtcstats dump says about one peer connection, one line at a time.</summary>
public sealed class RtcStatsPeerConnection(string id, StatsFilter filter)
{
    private readonly ApiEventMapper mapper = new(id);
    private bool created;

    /// <summary>The reader of this peer connection's getStats snapshots, which remembers their types.</summary>
    public RtcStatsSnapshot Snapshot { get; } = new(filter);

    /// <summary>The events of one getStats line, its snapshot already read by <see cref="Snapshot"/>.</summary>
    public void ReadStats(List<RtcStatsSnapshot.Stats> stats, List<StatField> values, DateTimeOffset? common, DateTimeOffset lineTime, UploadOutput output)
    {
        if (!created)
        {
            created = true;
            output.Add(new PeerConnectionCreated(id, lineTime, null));
        }

        var fields = CollectionsMarshal.AsSpan(values);
        foreach (var s in stats)
        {
            output.AddStats(id, s.Time ?? common ?? lineTime, s.StatsId, s.StatsType, fields.Slice(s.FieldsAt, s.FieldCount));
        }
    }

    public IEnumerable<IceEvent> Read(string method, JsonElement value, DateTimeOffset time, string where)
    {
        var events = new List<IceEvent>();
        var name = ApiEventNames.Normalize(method);
        if (!created)
        {
            created = true;
            events.Add(new PeerConnectionCreated(id, time, name == "create" ? Configuration(value, where) : null));
            if (name == "create")
            {
                return events;
            }
        }

        switch (name)
        {
            case "create":
                break;
            case "setconfiguration":
                events.Add(new ConfigurationChanged(id, time, Configuration(value, where)));
                break;
            case "getstats":
                throw new InvalidOperationException("getStats lines are read by RtcStatsSnapshot");
            default:
                events.AddRange(mapper.Map(time, method, value, where));
                break;
        }

        return events;
    }

    // The configuration as the application gave it, or as Chrome prints it in webrtc-internals.
    // One the browser would have refused is evidence, not a reason to refuse the dump.
    private static IceConfiguration Configuration(JsonElement value, string where)
    {
        try
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => RtcConfigurationString.Parse(value.GetString()),
                JsonValueKind.Array when value.GetArrayLength() > 0 => Configuration(value[0], where),
                _ => IceConfigurationJson.Parse(value, where, rejectSecrets: false),
            };
        }
        catch (UploadFormatException)
        {
            return new IceConfiguration([], Malformed: true);
        }
    }
}
