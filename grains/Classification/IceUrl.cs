using System.Globalization;

namespace IceWatch.Grains.Classification;

/// <summary>A parsed stun:/stuns:/turn:/turns: URL (RFC 7064/7065). Transport is udp, tcp or tls.</summary>
public sealed record IceUrl(string Text, string Scheme, string Host, int Port, string Transport)
{
    public bool IsTurn => Scheme is "turn" or "turns";
    public bool IsStun => Scheme is "stun" or "stuns";

    /// <summary>localhost, 127.0.0.0/8 or ::1: only reachable from the client's own machine (Firefox never tries).</summary>
    public bool IsLoopback =>
        Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || Host == "::1" ||
        (System.Net.IPAddress.TryParse(Host, out var ip) && System.Net.IPAddress.IsLoopback(ip));

    /// <summary>Whether the URL text names its transport (Firefox's icecandidateerror.url leaves "?transport=udp" out).</summary>
    public bool TransportGiven => Text.Contains("transport=", StringComparison.OrdinalIgnoreCase) || Scheme is "turns" or "stuns";

    public static IceUrl? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var colon = text.IndexOf(':');
        if (colon <= 0) return null;
        var scheme = text[..colon].ToLowerInvariant();
        if (scheme is not ("stun" or "stuns" or "turn" or "turns")) return null;
        var rest = text[(colon + 1)..];
        string? transport = null;
        var query = rest.IndexOf('?');
        if (query >= 0)
        {
            foreach (var part in rest[(query + 1)..].Split('&'))
                if (part.StartsWith("transport=", StringComparison.OrdinalIgnoreCase))
                    transport = part["transport=".Length..].ToLowerInvariant();
            rest = rest[..query];
        }
        var (host, port) = SplitHostPort(rest, scheme);
        if (host.Length == 0 || port is < 1 or > 65535) return null;
        var secure = scheme is "turns" or "stuns";
        var effective = secure ? "tls" : transport is "tcp" ? "tcp" : "udp";
        if (transport is not (null or "udp" or "tcp")) return null;
        return new IceUrl(text, scheme, host, port, effective);
    }

    private static (string Host, int Port) SplitHostPort(string hostPort, string scheme)
    {
        var defaultPort = scheme is "turns" or "stuns" ? 5349 : 3478;
        if (hostPort.StartsWith('['))
        {
            var end = hostPort.IndexOf(']');
            if (end < 0) return ("", 0);
            var host = hostPort[1..end];
            var tail = hostPort[(end + 1)..];
            return (host, tail.StartsWith(':') ? ParsePort(tail[1..]) : defaultPort);
        }
        var colon = hostPort.LastIndexOf(':');
        return colon < 0 ? (hostPort, defaultPort) : (hostPort[..colon], ParsePort(hostPort[(colon + 1)..]));
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 0;
}
