using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Classification;

/// <summary>
/// A peer connection under iceTransportPolicy relay that can no longer connect, whatever time
/// brings, because it has no relay candidate and cannot get one: no pair can ever form, so waiting
/// for the stall deadline adds nothing (docs/diagnosis.md, "Certain failures"):
/// <list type="number">
/// <item>no TURN URL in the configuration;</item>
/// <item>every TURN URL answered 401 in the current gathering round;</item>
/// <item>a gathering round watched from its start to "complete" gave no relay candidate (watched from its
/// start: its "gathering" state or the local description that started it was seen; Firefox goes from
/// "new" straight to "complete" when it gathers nothing).</item>
/// </list>
/// Policy all never makes a failure certain: Chrome keeps host candidates it does not signal (mDNS
/// without a media grant) and can still connect through them as peer-reflexive. A missing remote
/// candidate never does either (trickle ICE may still deliver it), and an ICE restart or a new
/// configuration after the decisive fact makes the failure uncertain again.
/// </summary>
public sealed record CertainFailure(DateTimeOffset At, string Fact)
{
    public const string Consequence = "no relay candidate can be gathered, so no candidate pair can ever form: the failure is certain " +
        "before the stall deadline (only an ICE restart or a new configuration could change that)";

    public static CertainFailure? Of(PeerConnectionFacts facts, IceServerFacts servers)
    {
        if (!servers.RelayPolicy || facts.Configuration is { Malformed: true }) return null;
        if (facts.LocalCandidates.Values.Any(c => c.Type is null or "relay")) return null;
        var reopened = Latest(facts.LastIceRestartAt, facts.ConfigurationChangedAt);

        if (!servers.HasTurn)
        {
            var at = facts.ConfigurationChangedAt ?? ConnectionStates.Earliest(facts.CreatedAt, facts.FirstEventAt);
            return at is { } t
                ? new CertainFailure(t, "iceTransportPolicy is relay and no turn:/turns: URL is configured")
                : null;
        }

        var first401 = servers.Turn.Select(u => servers.TurnErrors
            .Where(e => e.ErrorCode == 401 && e.Url == u.Text && (reopened is null || e.Time >= reopened))
            .Select(e => (DateTimeOffset?)e.Time).Min()).ToList();
        if (first401.All(t => t is not null))
            return new CertainFailure(first401.Max()!.Value,
                $"every TURN URL ({servers.Turn.Count}) answered 401 under iceTransportPolicy relay");

        if (GatheringCompleted(facts) is { } complete && (reopened is null || complete >= reopened))
            return new CertainFailure(complete, "candidate gathering completed without a relay candidate under iceTransportPolicy relay");
        return null;
    }

    // The end of the last gathering round, when that round was watched from its start. Candidates
    // are only handed out after setLocalDescription, so one seen in this round means none was missed.
    private static DateTimeOffset? GatheringCompleted(PeerConnectionFacts facts)
    {
        var gathering = facts.States.Where(s => s.Kind == StateKind.Gathering).ToList();
        if (gathering.Count == 0 || gathering[^1].State != "complete") return null;
        var complete = gathering[^1].Time;
        var before = gathering.Count > 1 ? gathering[^2] : null;
        var started = before?.State == "gathering" ||
            (facts.LocalDescriptionAt is { } local && local <= complete && (before is null || local >= before.Time));
        return started ? complete : null;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
