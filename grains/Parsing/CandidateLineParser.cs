using System.Net;
using System.Net.Sockets;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>Reads an SDP candidate attribute (RFC 8839 section 5.1) into a <see cref="CandidateInfo"/>.</summary>
public static class CandidateLineParser
{
    /// <summary>
    /// Parses "candidate:&lt;foundation&gt; &lt;component&gt; &lt;protocol&gt; &lt;priority&gt; &lt;address&gt; &lt;port&gt; typ &lt;type&gt; ...",
    /// with or without a leading "a=". Returns null when the text is not a candidate line.
    /// </summary>
    public static CandidateInfo? Parse(string? line, string? url = null, string? relayProtocol = null)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        var text = line.Trim();
        if (text.StartsWith("a=", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (!text.StartsWith("candidate:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = text["candidate:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 8 || !parts[6].Equals("typ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? tcpType = null;
        for (var i = 8; i + 1 < parts.Length; i += 2)
        {
            if (parts[i].Equals("tcptype", StringComparison.OrdinalIgnoreCase))
            {
                tcpType = parts[i + 1].ToLowerInvariant();
            }
        }

        var type = parts[7].ToLowerInvariant();
        var address = parts[4];
        return new CandidateInfo(
            Id: null,
            Type: type,
            Protocol: parts[2].ToLowerInvariant(),
            RelayProtocol: type == "relay" ? relayProtocol ?? RelayProtocolOf(url) : null,
            Url: string.IsNullOrEmpty(url) ? null : url,
            Priority: long.TryParse(parts[3], out var priority) ? priority : null,
            Address: address,
            Port: int.TryParse(parts[5], out var port) ? port : null,
            AddressFamily: AddressFamilyOf(address),
            TcpType: tcpType);
    }

    /// <summary>ipv4, ipv6 or mdns (a "*.local" name); null when the address is neither.</summary>
    public static string? AddressFamilyOf(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return null;
        }

        if (address.EndsWith(".local", StringComparison.OrdinalIgnoreCase))
        {
            return "mdns";
        }

        var bare = address.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var ip))
        {
            return ip.AddressFamily == AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4";
        }

        return null;
    }

    /// <summary>
    /// The transport to the TURN server as a TURN URL tells it: turns: is TLS, otherwise the
    /// ?transport= parameter, udp by default (RFC 7065).
    /// </summary>
    public static string? RelayProtocolOf(string? turnUrl)
    {
        if (string.IsNullOrEmpty(turnUrl))
        {
            return null;
        }

        if (turnUrl.StartsWith("turns:", StringComparison.OrdinalIgnoreCase))
        {
            return "tls";
        }

        if (!turnUrl.StartsWith("turn:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var query = turnUrl.IndexOf("transport=", StringComparison.OrdinalIgnoreCase);
        if (query < 0)
        {
            return "udp";
        }

        var value = turnUrl[(query + "transport=".Length)..];
        var end = value.IndexOfAny(['&', ' ']);
        return (end < 0 ? value : value[..end]).ToLowerInvariant();
    }
}
