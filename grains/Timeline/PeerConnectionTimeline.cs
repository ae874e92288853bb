using IceWatch.Grains.Events;

namespace IceWatch.Grains.Timeline;

/// <summary>Folds one event into the facts of its peer connection. Pure; tolerant of any event order.</summary>
public static class PeerConnectionTimeline
{
    public static void Apply(PeerConnectionFacts facts, IceEvent e)
    {
        Observe(facts, e.Time);
        switch (e)
        {
            case PeerConnectionCreated created:
                if (IsKnown(created.Time) && (facts.CreatedAt is null || created.Time < facts.CreatedAt)) facts.CreatedAt = created.Time;
                facts.Configuration = created.Configuration ?? facts.Configuration;
                break;
            case ConfigurationChanged changed:
                facts.Configuration = changed.Configuration;
                facts.ConfigurationChangedAt = Later(facts.ConfigurationChangedAt, changed.Time);
                break;
            case StateChanged state:
                InsertState(facts, new StateChange(state.Time, state.Kind, state.State));
                break;
            case LocalCandidateGathered local:
                facts.LocalCandidatesGathered++;
                facts.LocalCandidates[local.Candidate.Id ?? $"gathered-{facts.LocalCandidatesGathered}"] = WithFamily(local.Candidate);
                break;
            case RemoteCandidateAdded remote:
                facts.RemoteCandidatesAdded++;
                if (remote.Candidate is { } candidate)
                    facts.RemoteCandidates[candidate.Id ?? $"added-{facts.RemoteCandidatesAdded}"] = WithFamily(candidate);
                break;
            case DescriptionSet description:
                if (description.Remote) facts.RemoteDescriptionSet = true;
                else
                {
                    facts.LocalDescriptionSet = true;
                    facts.LocalDescriptionAt = Later(facts.LocalDescriptionAt, description.Time);
                }
                break;
            case CandidateErrorOccurred error:
                facts.CandidateErrors.Add(new CandidateError(error.Time, error.Url, error.ErrorCode, error.ErrorText, error.Address, error.Port));
                break;
            case IceRestartRequested restart:
                facts.IceRestarts++;
                facts.LastIceRestartAt = Later(facts.LastIceRestartAt, restart.Time);
                break;
            case StatsObserved stats:
                StatsFold.Apply(facts, stats);
                break;
            case PeerConnectionClosed closed:
                facts.ClosedAt ??= closed.Time;
                break;
            case ObservationNoted note:
                if (!facts.Notes.Contains(note.Note)) facts.Notes.Add(note.Note);
                break;
        }
    }

    /// <summary>Folds one stats object's values as a StatsObserved event carrying them would be folded.</summary>
    public static void ApplyStats(PeerConnectionFacts facts, DateTimeOffset time, string statsId, string statsType, ReadOnlySpan<StatField> values)
    {
        Observe(facts, time);
        StatsFold.Apply(facts, time, statsId, statsType, values);
    }

    private static DateTimeOffset Later(DateTimeOffset? known, DateTimeOffset time) =>
        known is { } k && k > time ? k : time;

    private static CandidateInfo WithFamily(CandidateInfo c) =>
        c.AddressFamily is null && c.Address is not null ? c with { AddressFamily = AddressFamilies.Of(c.Address) } : c;

    // Inputs that cannot date an event give it the epoch; such a time says nothing about the call.
    private static bool IsKnown(DateTimeOffset time) => time > DateTimeOffset.UnixEpoch.AddDays(1);

    private static void Observe(PeerConnectionFacts facts, DateTimeOffset time)
    {
        if (!IsKnown(time)) return;
        if (facts.FirstEventAt is null || time < facts.FirstEventAt) facts.FirstEventAt = time;
        if (facts.LastEventAt is null || time > facts.LastEventAt) facts.LastEventAt = time;
    }

    private static void InsertState(PeerConnectionFacts facts, StateChange change)
    {
        var states = facts.States;
        var index = states.FindLastIndex(s => s.Time <= change.Time);
        var previousOfKind = states.Take(index + 1).LastOrDefault(s => s.Kind == change.Kind);
        if (previousOfKind?.State == change.State && previousOfKind.Time == change.Time) return;
        states.Insert(index + 1, change);
    }
}
