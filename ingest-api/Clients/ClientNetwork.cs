using System.Net;
using System.Net.Sockets;

namespace IceWatch.IngestApi.Clients;

/// <summary>
/// The network a client address belongs to: its first 24 bits for IPv4 and 48 for IPv6 by default. One
/// household, office or cloud tenant usually holds a whole IPv6 /48 (and often several IPv4 addresses of
/// one /24), so limits and weights kept per network cannot be multiplied by changing addresses within it.
/// </summary>
public static class ClientNetwork
{
    public static string Of(IPAddress? address, int ipv4Bits, int ipv6Bits)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? ipv4Bits : ipv6Bits;
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return $"{new IPAddress(bytes)}/{bits}";
    }
}
