using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Classification;

/// <summary>
/// The configured STUN/TURN URLs of a peer connection and what became of each of them; candidate
/// errors are matched to the configured URL they are about and counted once (CandidateErrors).
/// </summary>
public sealed record IceServerFacts(
    bool Known,
    IReadOnlyList<IceUrl> Turn,
    IReadOnlyList<IceUrl> Stun,
    IReadOnlyList<string> Invalid,
    bool Empty,
    bool RelayPolicy,
    IReadOnlyList<CandidateError> TurnErrors,
    IReadOnlyList<CandidateError> StunErrors,
    DateTimeOffset? EarliestExpiry)
{
    public static IceServerFacts Of(PeerConnectionFacts facts)
    {
        var config = facts.Configuration;
        var urls = config?.IceServers.SelectMany(s => s.Urls).ToList() ?? [];
        var parsed = urls.Select(IceUrl.Parse).ToList();
        var turn = parsed.OfType<IceUrl>().Where(u => u.IsTurn).ToList();
        var stun = parsed.OfType<IceUrl>().Where(u => u.IsStun).ToList();
        var invalid = urls.Where((_, i) => parsed[i] is null).ToList();
        var errors = CandidateErrors.Matched(facts, [.. turn, .. stun]);
        var expiries = config?.IceServers
            .Where(s => s.UsernameExpiry is not null && s.Urls.Any(u => IceUrl.Parse(u)?.IsTurn == true))
            .Select(s => s.UsernameExpiry!.Value).ToList() ?? [];
        return new IceServerFacts(
            config is not null,
            turn,
            stun,
            invalid,
            config is not null && urls.Count == 0,
            config?.IceTransportPolicy == "relay",
            errors.Where(e => IsScheme(e.Url, "turn")).ToList(),
            errors.Where(e => IsScheme(e.Url, "stun")).ToList(),
            expiries.Count == 0 ? null : expiries.Min());
    }

    public bool HasTurn => Turn.Count > 0;

    public bool HasTls443 => Turn.Any(u => u.Transport is "tls" or "tcp" && u.Port == 443);

    public bool TurnUdpOnly => HasTurn && Turn.All(u => u.Transport == "udp");

    public IReadOnlyList<string> ErroredTurnUrls => TurnErrors.Select(e => e.Url!).Distinct().ToList();

    public IReadOnlyList<string> ErroredStunUrls => StunErrors.Select(e => e.Url!).Distinct().ToList();

    public bool AllTurnErrored => HasTurn && Turn.All(u => Errored(TurnErrors, u));

    public bool AllStunErrored => Stun.Count > 0 && Stun.All(u => Errored(StunErrors, u));

    private static bool Errored(IReadOnlyList<CandidateError> errors, IceUrl url) =>
        errors.Any(e => e.Url == url.Text || (IceUrl.Parse(e.Url) is { } u &&
            u.Host == url.Host && u.Port == url.Port && u.Transport == url.Transport));

    private static bool IsScheme(string? url, string prefix) =>
        url is not null && url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
