using IceWatch.Grains.Classification;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Sessions;

/// <summary>
/// One session: folds the events of its uploads into per-peer-connection facts and answers a
/// verdict per peer connection. Pure logic; the host loads and stores <see cref="State"/>.
/// </summary>
public sealed class SessionGrain(SessionState state, SessionOptions options)
{
    public SessionState State => state;

    /// <summary>Applies one upload's events; returns how many were applied (skipped retries and what is over the session's limits excluded).</summary>
    public long Apply(IEnumerable<IceEvent> events, DateTimeOffset receivedAt)
    {
        long applied = 0;
        var skipping = new HashSet<string>();
        var budget = new SessionBudget(state, options.Limits);
        foreach (var e in events)
        {
            if (e is ReportStarted report)
            {
                // A report of a peer connection past the session's limit leaves no trace: its events are refused below.
                if (!budget.Takes(report.PeerConnectionId)) continue;
                var seen = state.AppliedReports.TryGetValue(report.PeerConnectionId, out var set) ? set : state.AppliedReports[report.PeerConnectionId] = new();
                if (seen.Add(report.Seq)) skipping.Remove(report.PeerConnectionId);
                else skipping.Add(report.PeerConnectionId);
                if (report.ClientId is not null)
                {
                    var facts = Facts(report.PeerConnectionId, receivedAt);
                    facts.ClientId = report.ClientId;
                    facts.UserAgent = report.UserAgent ?? facts.UserAgent;
                }
                continue;
            }
            if (skipping.Contains(e.PeerConnectionId) || !budget.Admit(e)) continue;
            PeerConnectionTimeline.Apply(Facts(e.PeerConnectionId, receivedAt), e);
            applied++;
        }
        budget.Record(receivedAt);
        return applied;
    }

    /// <summary>
    /// Reads a whole upload into the session, with the same state as applying
    /// <c>UploadReader.Read(upload, StatsFilter.Timeline, readers)</c>, a dump's stats folded as they are read
    /// on up to <paramref name="readers"/> threads. Limits bind in the order of the upload's events, so a
    /// session with limits reads it as events. Unreadable input fails with an UploadFormatException.
    /// </summary>
    public void ApplyUpload(Stream upload, DateTimeOffset receivedAt, int readers)
    {
        if (options.Limits != SessionLimits.Unlimited)
        {
            Apply(UploadReader.Read(upload, StatsFilter.Timeline, readers), receivedAt);
            return;
        }

        var facts = new object();
        var fold = new UploadFold(id => { lock (facts) return Facts(id, receivedAt); });
        Apply(UploadReader.ReadInto(upload, fold, readers), receivedAt);
        state.EventsApplied += fold.Events;
        state.StatsApplied += fold.StatsObjects;
    }

    public IReadOnlyList<Verdict> Evaluate(DateTimeOffset? now) =>
        state.PeerConnections.Values
            .OrderBy(f => f.CreatedAt ?? f.FirstEventAt ?? DateTimeOffset.MaxValue)
            .ThenBy(f => f.PeerConnectionId, StringComparer.Ordinal)
            .Select(f => VerdictClassifier.Classify(f, options.StallDeadline, now))
            .ToList();

    /// <summary>The server time at which a pending peer connection reaches its stall deadline, if any.</summary>
    public DateTimeOffset? NextDeadline(IReadOnlyList<Verdict> verdicts, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var verdict in verdicts.Where(v => v.Outcome == Outcomes.Pending))
        {
            var facts = state.PeerConnections[verdict.PeerConnectionId];
            var due = now + (options.StallDeadline - VerdictClassifier.ObservedSpan(facts, now));
            if (next is null || due < next) next = due;
        }
        return next;
    }

    private PeerConnectionFacts Facts(string id, DateTimeOffset receivedAt)
    {
        if (!state.PeerConnections.TryGetValue(id, out var facts))
        {
            facts = new PeerConnectionFacts { PeerConnectionId = id, FirstReceivedAt = receivedAt };
            state.PeerConnections[id] = facts;
        }
        return facts;
    }
}
