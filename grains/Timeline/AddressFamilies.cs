namespace IceWatch.Grains.Timeline;

/// <summary>ipv4, ipv6 or mdns (a *.local name hiding a host address).</summary>
public static class AddressFamilies
{
    public static string? Of(string? address) => address switch
    {
        null or "" => null,
        _ when address.EndsWith(".local", StringComparison.OrdinalIgnoreCase) => "mdns",
        _ when address.Contains(':') => "ipv6",
        _ => "ipv4",
    };
}
