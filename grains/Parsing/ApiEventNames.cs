namespace IceWatch.Grains.Parsing;

/// <summary>
/// Brings the event names of every format to one spelling: lower case, without the "on" of
/// event handlers ("onicecandidate" → "icecandidate") or Chrome's " (legacy)" suffix
/// ("iceConnectionStateChange (legacy)" → "iceconnectionstatechange").
/// </summary>
public static class ApiEventNames
{
    private static readonly HashSet<string> Events =
    [
        "icecandidate", "icecandidateerror", "iceconnectionstatechange", "connectionstatechange",
        "icegatheringstatechange", "signalingstatechange", "negotiationneeded", "track", "datachannel",
        "addstream", "removestream",
    ];

    public static string Normalize(string method)
    {
        var name = method.Trim().ToLowerInvariant();
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0)
        {
            name = name[..paren];
        }

        return name.StartsWith("on", StringComparison.Ordinal) && Events.Contains(name[2..]) ? name[2..] : name;
    }
}
