using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace IceWatch.Grains.Privacy;

/// <summary>
/// Replaces a candidate address with a token that keeps its family and, if configured, its network
/// prefix: <c>203.0.113.0/24#9f2c1a4b</c>, <c>2001:db8:1::/48#…</c>, <c>#…​.local</c> for mDNS names.
/// The suffix is a keyed hash, so one address maps to one token (pairs still match across uploads)
/// while the key, kept in the database, stops anyone from brute-forcing the 2^(32-prefix) candidates.
/// </summary>
public sealed class AddressObfuscator
{
    private readonly byte[] _key;
    private readonly int _ipv4PrefixBits;
    private readonly int _ipv6PrefixBits;

    public AddressObfuscator(byte[] key, int ipv4PrefixBits, int ipv6PrefixBits)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNotEqual(Math.Clamp(ipv4PrefixBits, 0, 32), ipv4PrefixBits);
        ArgumentOutOfRangeException.ThrowIfNotEqual(Math.Clamp(ipv6PrefixBits, 0, 128), ipv6PrefixBits);
        _key = key;
        _ipv4PrefixBits = ipv4PrefixBits;
        _ipv6PrefixBits = ipv6PrefixBits;
    }

    public bool IsToken(string address) => address.Contains('#', StringComparison.Ordinal);

    public string? Obfuscate(string? address)
    {
        if (string.IsNullOrEmpty(address) || IsToken(address)) return address;
        var tag = Tag(address);
        if (address.EndsWith(".local", StringComparison.OrdinalIgnoreCase)) return $"#{tag}.local";
        if (!IPAddress.TryParse(address.Trim('[', ']'), out var ip)) return $"#{tag}";
        var bits = ip.AddressFamily == AddressFamily.InterNetworkV6 ? _ipv6PrefixBits : _ipv4PrefixBits;
        return $"{Network(ip, bits)}/{bits.ToString(CultureInfo.InvariantCulture)}#{tag}";
    }

    private string Tag(string address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(address.ToLowerInvariant())).AsSpan(0, 6));

    private static string Network(IPAddress ip, int bits)
    {
        var bytes = ip.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes).ToString();
    }
}
