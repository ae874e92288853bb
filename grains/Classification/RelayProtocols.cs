namespace IceWatch.Grains.Classification;

/// <summary>
/// The TURN transport of a relay candidate. Browsers that omit relayProtocol (Safari) still encode
/// it in the type preference, the priority's top byte: Chrome uses 1 = tcp, 0 = tls and for udp
/// 2 (older versions) or 3 (seen in Chromium 156 recordings); Firefox uses 5 = udp, 0 = tcp or tls.
/// </summary>
public static class RelayProtocols
{
    public static string? FromPriority(long? priority) => priority switch
    {
        null or < 0 => null,
        _ => (priority.Value >> 24) switch
        {
            2 or 3 or 5 => "udp",
            1 => "tcp",
            0 => "tls",
            _ => null,
        },
    };

    public static long TypePreference(long priority) => priority >> 24;
}
