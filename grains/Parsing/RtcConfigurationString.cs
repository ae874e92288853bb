using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads the rtcConfiguration of a webrtc-internals dump. Chrome prints it JavaScript-like, not
/// as JSON: "{ iceServers: [turn:host:3478?transport=udp, stun:host], iceTransportPolicy: relay, ... }"
/// (older versions: "servers" and "iceTransportType"), with user names and credentials removed.
/// </summary>
public static class RtcConfigurationString
{
    public static IceConfiguration Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.StartsWith("{\"", StringComparison.Ordinal) || trimmed == "{}")
        {
            return ParseJson(trimmed);
        }

        if (trimmed.Length < 2 || trimmed[0] != '{' || trimmed[^1] != '}')
        {
            return Malformed;
        }

        var servers = new List<IceServer>();
        string? policy = null, bundle = null;
        var sawServers = false;
        foreach (var entry in SplitTopLevel(trimmed[1..^1]))
        {
            var colon = entry.IndexOf(':');
            if (colon <= 0)
            {
                return Malformed;
            }

            var key = entry[..colon].Trim();
            var value = entry[(colon + 1)..].Trim();
            switch (key)
            {
                case "iceServers" or "servers":
                    if (value.Length < 2 || value[0] != '[' || value[^1] != ']')
                    {
                        return Malformed;
                    }

                    sawServers = true;
                    servers.AddRange(SplitTopLevel(value[1..^1]).Select(Unquote).Where(u => u.Length > 0).Select(u => new IceServer([u])));
                    break;
                case "iceTransportPolicy" or "iceTransportType":
                    policy = Unquote(value);
                    break;
                case "bundlePolicy":
                    bundle = Unquote(value);
                    break;
            }
        }

        return sawServers || policy is not null ? new IceConfiguration(servers, policy, bundle) : Malformed;
    }

    private static IceConfiguration Malformed => new([], Malformed: true);

    private static IceConfiguration ParseJson(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = UploadLimits.MaxJsonDepth });
            return IceConfigurationJson.Parse(doc.RootElement, "rtcConfiguration", rejectSecrets: false);
        }
        catch (Exception e) when (e is JsonException or UploadFormatException)
        {
            return Malformed;
        }
    }

    private static string Unquote(string value) => value.Trim().Trim('"', '\'');

    // Splits on commas outside brackets and quotes.
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' or '{' when !quoted:
                    depth++;
                    break;
                case ']' or '}' when !quoted:
                    depth--;
                    break;
                case ',' when depth == 0 && !quoted:
                    if (text[start..i].Trim().Length > 0)
                    {
                        yield return text[start..i].Trim();
                    }

                    start = i + 1;
                    break;
            }
        }

        if (text[start..].Trim().Length > 0)
        {
            yield return text[start..].Trim();
        }
    }
}
