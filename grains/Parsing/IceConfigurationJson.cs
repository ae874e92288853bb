using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads an RTCConfiguration given as JSON: as the application passed it (rtcstats dumps, where
/// user names and credentials are reduced to HasCredential and the TURN REST expiry) or as an
/// SDK report sends it (hasCredential, usernameExpiry; a secret there is refused).
/// </summary>
public static class IceConfigurationJson
{
    public static IceConfiguration Parse(JsonElement config, string path, bool rejectSecrets)
    {
        if (config.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new IceConfiguration([]);
        }

        JsonShape.RequireKind(config, JsonValueKind.Object, path);
        var servers = new List<IceServer>();
        if (JsonShape.OptionalArray(config, "iceServers", path) is { } array)
        {
            var i = 0;
            foreach (var entry in array.EnumerateArray())
            {
                servers.Add(ParseServer(entry, $"{path}.iceServers[{i++}]", rejectSecrets));
            }
        }

        return new IceConfiguration(
            servers,
            JsonShape.OptionalString(config, "iceTransportPolicy", path),
            JsonShape.OptionalString(config, "bundlePolicy", path));
    }

    private static IceServer ParseServer(JsonElement server, string path, bool rejectSecrets)
    {
        JsonShape.RequireKind(server, JsonValueKind.Object, path);
        if (rejectSecrets)
        {
            foreach (var secret in (string[])["credential", "username"])
            {
                if (server.TryGetProperty(secret, out _))
                {
                    throw new UploadFormatException(
                        $"expected no {secret} at {path}: secrets are never stored; send hasCredential and usernameExpiry instead");
                }
            }
        }

        var urls = JsonShape.Optional(server, "urls") ?? JsonShape.Optional(server, "url");
        var list = urls switch
        {
            null => throw JsonShape.Expected("urls (a string or an array of strings)", $"{path}.urls"),
            { ValueKind: JsonValueKind.String } one => [one.GetString()!],
            { ValueKind: JsonValueKind.Array } many => many.EnumerateArray()
                .Select((u, i) => u.ValueKind == JsonValueKind.String ? u.GetString()! : throw JsonShape.Expected("a string", $"{path}.urls[{i}]", u))
                .ToList(),
            { } other => throw JsonShape.Expected("a string or an array of strings", $"{path}.urls", other),
        };

        if (rejectSecrets)
        {
            var has = JsonShape.Optional(server, "hasCredential") switch
            {
                null => false,
                { ValueKind: JsonValueKind.True } => true,
                { ValueKind: JsonValueKind.False } => false,
                { } other => throw JsonShape.Expected("a boolean", $"{path}.hasCredential", other),
            };
            var expiry = JsonShape.OptionalNumber(server, "usernameExpiry", path);
            return new IceServer(list, has, expiry is { } s ? TurnUsernameExpiry.FromSeconds(s) : null);
        }

        var credential = JsonShape.Optional(server, "credential");
        var username = JsonShape.Optional(server, "username");
        return new IceServer(
            list,
            credential is { ValueKind: JsonValueKind.String } c && c.GetString()!.Length > 0,
            username is { ValueKind: JsonValueKind.String } u ? TurnUsernameExpiry.Parse(u.GetString()) : null);
    }
}
