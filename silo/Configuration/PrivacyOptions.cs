namespace IceWatch.Silo;

/// <summary>
/// What IceWatch keeps of the user's network. By default candidate addresses are obfuscated before
/// they are stored (ICEWATCH_KEEP_ADDRESSES=true keeps them) and a raw body is dropped once processed,
/// because it holds the same addresses (ICEWATCH_KEEP_RAW_UPLOADS=true keeps it).
/// </summary>
public sealed class PrivacyOptions
{
    public bool KeepAddresses { get; set; }

    /// <summary>Leading bits of an IPv4 address kept in its token (ICEWATCH_ADDRESS_PREFIX_V4).</summary>
    public int Ipv4PrefixBits { get; set; } = 24;

    /// <summary>Leading bits of an IPv6 address kept in its token (ICEWATCH_ADDRESS_PREFIX_V6).</summary>
    public int Ipv6PrefixBits { get; set; } = 48;

    /// <summary>Null: keep raw bodies exactly when addresses are kept.</summary>
    public bool? KeepRawUploads { get; set; }

    public bool DropsRawBodies => !(KeepRawUploads ?? KeepAddresses);
}
