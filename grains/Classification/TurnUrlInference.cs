using IceWatch.Grains.Events;

namespace IceWatch.Grains.Classification;

/// <summary>
/// Which configured TURN URL a relay candidate came from, when the browser does not say (Firefox
/// gives relay candidates and their stats no url; Safari neither). The candidate's relay protocol
/// leaves the URLs over that transport; when several remain, the one whose host is the candidate's
/// address (a TURN server relaying on the address it listens on). The candidate's port is the
/// allocated relay port, never the server's, so it cannot help. Anything still ambiguous stays unknown.
/// </summary>
public static class TurnUrlInference
{
    public static string? Infer(CandidateInfo relay, string? relayProtocol, IReadOnlyList<IceUrl> turn)
    {
        if (relayProtocol is null) return null;
        var fit = turn.Where(u => u.Transport == relayProtocol).ToList();
        // Firefox may call a TURN/TLS allocation "tcp".
        if (fit.Count == 0 && relayProtocol == "tcp") fit = turn.Where(u => u.Transport == "tls").ToList();
        if (fit.Count > 1 && relay.Address is { } address)
        {
            var bare = address.Trim('[', ']');
            fit = fit.Where(u => string.Equals(u.Host, bare, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        return fit.Count == 1 ? fit[0].Text : null;
    }
}
