using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Classification;

/// <summary>
/// Ties each candidate error to the configured URL it is about, and counts each failure once.
/// Firefox reports "turn:host:port" for a configured "turn:host:port?transport=udp" and repeats an
/// error per transport until BUNDLE settles; Chrome repeats it per local interface. One failure is
/// one configured URL answering 401 (or failing otherwise) in one gathering round.
/// </summary>
public static class CandidateErrors
{
    public static IReadOnlyList<CandidateError> Matched(PeerConnectionFacts facts, IReadOnlyList<IceUrl> configured)
    {
        // A round starts with "gathering", and at an ICE restart or a new configuration even when that state was not seen.
        var rounds = facts.States.Where(s => s.Kind == StateKind.Gathering && s.State == "gathering").Select(s => s.Time)
            .Concat(new[] { facts.LastIceRestartAt, facts.ConfigurationChangedAt }.OfType<DateTimeOffset>()).ToList();
        return facts.CandidateErrors
            .OrderBy(e => e.Time)
            .Select(e => Match(e, configured))
            .GroupBy(e => (e.Url, Unauthorized: e.ErrorCode == 401, Round: rounds.Count(t => t <= e.Time)))
            .Select(g => g.First())
            .ToList();
    }

    /// <summary>The configured URL an error is about: the same text, else the one with its scheme, host and port (and transport when the error names one).</summary>
    public static CandidateError Match(CandidateError error, IReadOnlyList<IceUrl> configured)
    {
        if (error.Url is null || configured.Any(u => u.Text == error.Url) || IceUrl.Parse(error.Url) is not { } reported) return error;
        var same = configured.Where(u => u.Scheme == reported.Scheme && u.Port == reported.Port &&
            string.Equals(u.Host, reported.Host, StringComparison.OrdinalIgnoreCase)).ToList();
        // Without a transport a turn:/stun: URL means UDP (RFC 7065), which is what Firefox leaves out.
        same = reported.TransportGiven || same.Count > 1 ? same.Where(u => u.Transport == reported.Transport).ToList() : same;
        return same.Count == 1 ? error with { Url = same[0].Text, ReportedUrl = error.Url } : error;
    }
}
