using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads a candidate given as JSON: an RTCIceCandidateInit ({ candidate: "candidate:...", ... }) or
/// the SDK's { type, protocol, relayProtocol?, url?, priority?, address?, port?, tcpType? }.
/// </summary>
public static class CandidateJson
{
    public static CandidateInfo? Parse(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return CandidateLineParser.Parse(value.GetString());
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var url = JsonShape.OptionalString(value, "url", path);
        var relayProtocol = JsonShape.OptionalString(value, "relayProtocol", path);
        if (JsonShape.Optional(value, "candidate") is { ValueKind: JsonValueKind.String } line)
        {
            var parsed = CandidateLineParser.Parse(line.GetString(), url, relayProtocol);
            return parsed is null ? null : parsed with { Id = JsonShape.OptionalString(value, "id", path) };
        }

        var type = JsonShape.OptionalString(value, "type", path) ?? JsonShape.OptionalString(value, "candidateType", path);
        var address = JsonShape.OptionalString(value, "address", path) ?? JsonShape.OptionalString(value, "ip", path);
        var priority = JsonShape.OptionalNumber(value, "priority", path);
        var port = JsonShape.OptionalNumber(value, "port", path);
        return new CandidateInfo(
            JsonShape.OptionalString(value, "id", path),
            type?.ToLowerInvariant(),
            JsonShape.OptionalString(value, "protocol", path)?.ToLowerInvariant(),
            relayProtocol?.ToLowerInvariant() ?? (type == "relay" ? CandidateLineParser.RelayProtocolOf(url) : null),
            url,
            priority is { } p ? (long)p : null,
            address,
            port is { } n ? (int)n : null,
            CandidateLineParser.AddressFamilyOf(address),
            JsonShape.OptionalString(value, "tcpType", path)?.ToLowerInvariant());
    }
}
