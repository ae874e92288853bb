using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Classification;

/// <summary>
/// STUN/TURN servers handed out on a loopback address (127.0.0.1, ::1, localhost): no client on
/// another machine can reach them, and Firefox never even tries (it answers 701 at once). Where such
/// a server is why nothing was reachable, the evidence says so and the fix is the configuration.
/// </summary>
public static class LoopbackServers
{
    private static readonly HashSet<string> Unreachability =
    [
        Categories.TurnUnreachable, Categories.StunUnreachable, Categories.StunTurnBlocked, Categories.TurnUdpOnly,
        Categories.TurnTls443Missing, Categories.GatheringTimeout,
    ];

    public const string Fix = "The ICE configuration points at a loopback address: no client can reach a STUN/TURN server there " +
        "(Firefox does not even try); hand out the servers' public host names or addresses.";

    /// <summary>Adds the evidence; returns the fix to use instead of the category's, or null to keep it.</summary>
    public static string? Explain(string? category, IceServerFacts servers, Evidence evidence)
    {
        if (category is null || !Unreachability.Contains(category)) return null;
        var relevant = category == Categories.StunUnreachable ? servers.Stun : servers.Turn.Count > 0 ? servers.Turn : servers.Stun;
        var loopback = servers.Turn.Concat(servers.Stun).Where(u => u.IsLoopback).ToList();
        foreach (var url in loopback)
            evidence.Add($"{url.Text} is a loopback address: Firefox never contacts STUN/TURN servers there (701 at once), and other browsers reach it only on the client's own machine");
        return relevant.Count > 0 && relevant.All(u => u.IsLoopback) ? Fix : null;
    }
}
