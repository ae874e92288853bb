namespace IceWatch.Grains.Parsing;

/// <summary>
/// Tells the pre-standard stats of old webrtc-internals dumps ("goog*" types, "Conn-*" and
/// "ssrc_*" ids, "VideoBwe", "localcandidate") from the standard ones. They say nothing the
/// standard stats miss, in names the rest of IceWatch does not use, so they are left out.
/// </summary>
public static class WebrtcInternalsLegacyStats
{
    private static readonly HashSet<string> SingleWordTypes =
        ["codec", "transport", "certificate", "track", "stream", "transceiver", "sender", "receiver", "csrc"];

    public static bool IsLegacy(string id, string type) =>
        id.StartsWith("Conn-", StringComparison.Ordinal) || IsLegacyType(type);

    public static bool IsLegacyType(string type) =>
        type.StartsWith("goog", StringComparison.Ordinal)
        || type.Any(char.IsUpper)
        || !(type.Contains('-') || SingleWordTypes.Contains(type));
}
