using IceWatch.Grains.Events;

namespace IceWatch.Grains.Privacy;

/// <summary>
/// Obfuscates every candidate address in an event before it is folded into stored state; the
/// address family is derived first, so it survives. Server URLs (STUN/TURN) are kept: they are
/// configuration, not the user's network.
/// </summary>
public sealed class EventRedactor(AddressObfuscator obfuscator)
{
    private static readonly string[] AddressStats = ["address", "ip", "relatedAddress"];

    public IceEvent Redact(IceEvent e) => e switch
    {
        LocalCandidateGathered local => local with { Candidate = Redact(local.Candidate) },
        RemoteCandidateAdded { Candidate: { } candidate } remote => remote with { Candidate = Redact(candidate) },
        CandidateErrorOccurred error => error with { Address = obfuscator.Obfuscate(error.Address) },
        StatsObserved stats when AddressStats.Any(stats.Values.ContainsKey) => stats with { Values = Redact(stats.Values) },
        _ => e,
    };

    private CandidateInfo Redact(CandidateInfo candidate) => candidate with
    {
        AddressFamily = candidate.AddressFamily ?? Timeline.AddressFamilies.Of(candidate.Address),
        Address = obfuscator.Obfuscate(candidate.Address),
    };

    private Dictionary<string, object?> Redact(IReadOnlyDictionary<string, object?> values)
    {
        var copy = new Dictionary<string, object?>(values, StringComparer.Ordinal);
        foreach (var name in AddressStats)
            if (copy.TryGetValue(name, out var value) && value is string address) copy[name] = obfuscator.Obfuscate(address);
        return copy;
    }
}
