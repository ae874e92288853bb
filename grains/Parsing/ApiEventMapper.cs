using System.Globalization;
using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Turns one logged API call or event of one peer connection (a webrtc-internals update-log
/// entry, an rtcstats line, an SDK event) into ICE events. Its value may be Chrome's loose text
/// or JSON. One instance per peer connection: it pairs setXDescription with its OnSuccess.
/// </summary>
public sealed class ApiEventMapper(string peerConnectionId, bool descriptionCallMeansSuccess = false)
{
    private readonly Dictionary<StateKind, string> lastStates = [];
    private string? pendingLocalType;
    private string? pendingRemoteType;

    /// <summary>
    /// True when a call or event of this name (as <see cref="ApiEventNames.Normalize"/> spells it) can
    /// give events: a reader may pass over the value of any other.
    /// </summary>
    public static bool Maps(string name) => name is "iceconnectionstatechange" or "connectionstatechange" or "icegatheringstatechange"
        or "signalingstatechange" or "icecandidate" or "addicecandidate" or "icecandidateerror" or "setlocaldescription"
        or "setremotedescription" or "setlocaldescriptiononsuccess" or "setremotedescriptiononsuccess" or "setlocaldescriptiononfailure"
        or "setremotedescriptiononfailure" or "createoffer" or "restartice" or "close";

    public IEnumerable<IceEvent> Map(DateTimeOffset time, string method, JsonElement value, string path)
    {
        var pc = peerConnectionId;
        var name = ApiEventNames.Normalize(method);
        if (!Maps(name))
        {
            return [];
        }

        switch (name)
        {
            case "iceconnectionstatechange":
                return State(time, StateKind.Ice, value);
            case "connectionstatechange":
                return State(time, StateKind.Connection, value);
            case "icegatheringstatechange":
                return State(time, StateKind.Gathering, value);
            case "signalingstatechange":
                return State(time, StateKind.Signaling, value);
            case "icecandidate":
                return Candidate(value, path) is { } local ? [new LocalCandidateGathered(pc, time, local)] : [];
            case "addicecandidate":
                return IsEndOfCandidates(value) ? [] : [new RemoteCandidateAdded(pc, time, Candidate(value, path))];
            case "icecandidateerror":
                return [Error(time, value)];
            case "setlocaldescription" or "setremotedescription":
                return Description(time, method, value, success: descriptionCallMeansSuccess);
            case "setlocaldescriptiononsuccess" or "setremotedescriptiononsuccess":
                return Description(time, method, value, success: true);
            case "setlocaldescriptiononfailure":
                pendingLocalType = null;
                return [];
            case "setremotedescriptiononfailure":
                pendingRemoteType = null;
                return [];
            case "createoffer" when AsksIceRestart(value):
            case "restartice":
                return [new IceRestartRequested(pc, time)];
            case "close":
                return [new PeerConnectionClosed(pc, time)];
            default:
                return [];
        }
    }

    private IEnumerable<IceEvent> State(DateTimeOffset time, StateKind kind, JsonElement value)
    {
        var state = value.ValueKind == JsonValueKind.Object
            ? Fields(value).GetValueOrDefault("state") ?? ""
            : LogValueText.Unwrap(Text(value));
        if (state.Length == 0 || (lastStates.TryGetValue(kind, out var last) && last == state))
        {
            return [];
        }

        lastStates[kind] = state;
        return [new StateChanged(peerConnectionId, time, kind, state)];
    }

    private IEnumerable<IceEvent> Description(DateTimeOffset time, string method, JsonElement value, bool success)
    {
        var remote = method.Contains("remote", StringComparison.OrdinalIgnoreCase);
        var type = SdpType(value);
        if (type is not ("offer" or "answer" or "pranswer" or "rollback"))
        {
            type = null;
        }

        if (!success)
        {
            _ = remote ? pendingRemoteType = type : pendingLocalType = type;
            return [];
        }

        type ??= remote ? pendingRemoteType : pendingLocalType;
        _ = remote ? pendingRemoteType = null : pendingLocalType = null;
        return [new DescriptionSet(peerConnectionId, time, remote, type ?? "unknown")];
    }

    private CandidateErrorOccurred Error(DateTimeOffset time, JsonElement value)
    {
        var f = Fields(value);
        var code = int.TryParse(f.GetValueOrDefault("errorcode"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 0;
        var port = int.TryParse(f.GetValueOrDefault("port"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        return new CandidateErrorOccurred(peerConnectionId, time, NullIfEmpty(f.GetValueOrDefault("url")), code,
            NullIfEmpty(f.GetValueOrDefault("errortext")), NullIfEmpty(f.GetValueOrDefault("address")), port);
    }

    private static CandidateInfo? Candidate(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return JsonShape.Optional(value, "candidate") switch
            {
                { ValueKind: JsonValueKind.Object } inner => CandidateJson.Parse(inner, $"{path}.candidate"),
                { ValueKind: JsonValueKind.String } => CandidateJson.Parse(value, path),
                _ => null,
            };
        }

        var f = Fields(value);
        return CandidateLineParser.Parse(f.GetValueOrDefault("candidate") ?? LogValueText.Unwrap(Text(value)),
            NullIfEmpty(f.GetValueOrDefault("url")), NullIfEmpty(f.GetValueOrDefault("relayprotocol")));
    }

    // Options as JSON ({"iceRestart":true}) or as older Chrome printed them ("options: {iceRestart: true}").
    private static bool AsksIceRestart(JsonElement value)
    {
        var text = Text(value).Replace(" ", "").Replace("\"", "");
        return text.Contains("iceRestart:true", StringComparison.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> Fields(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.GetArrayLength() > 0 ? Fields(value[0]) : [],
        JsonValueKind.Object => value.EnumerateObject().GroupBy(p => LogValueText.NormalizeKey(p.Name)).ToDictionary(
            g => g.Key, g => g.First().Value.ValueKind == JsonValueKind.String ? g.First().Value.GetString()! : g.First().Value.GetRawText()),
        _ => LogValueText.Fields(Text(value)),
    };

    // Fields(value)'s "sdptype", else its "type": of a text value, only those two are read.
    private static string? SdpType(JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
        {
            var fields = Fields(value);
            return fields.GetValueOrDefault("sdptype") ?? fields.GetValueOrDefault("type");
        }

        return LogValueText.Field(Text(value), "sdptype", "type");
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    // An empty candidate (or none) marks the end of the remote candidates, not a candidate.
    private static bool IsEndOfCandidates(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return JsonShape.Optional(value, "candidate") is not { } c || (c.ValueKind == JsonValueKind.String && c.GetString()!.Trim().Length == 0);
        }

        var text = LogValueText.Unwrap(Text(value));
        return text.Length == 0 || LogValueText.Fields(text).GetValueOrDefault("candidate") is { Length: 0 };
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) || s == "null" ? null : s;
}
