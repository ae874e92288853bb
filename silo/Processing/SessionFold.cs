using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Alerting;
using IceWatch.Grains.Events;
using IceWatch.Grains.Regions;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Verdicts;
using SessionOptions = IceWatch.Grains.Sessions.SessionOptions;

namespace IceWatch.Silo;

/// <summary>
/// The pure part of processing one claimed session: apply uploads to its grain, evaluate, and turn
/// the verdict changes into region deltas. An upload whose events cannot be applied is set aside
/// on its own: the grain is rebuilt from the stored state and the uploads applied before it.
/// </summary>
internal sealed class SessionFold(ClaimedSession session, SessionOptions options)
{
    private readonly List<(IReadOnlyList<IceEvent> Events, DateTimeOffset ReceivedAt)> _applied = [];
    private readonly List<UploadOutcome> _outcomes = [];
    private SessionGrain _grain = NewGrain(session, options);

    public void Apply(Guid uploadId, IReadOnlyList<IceEvent> events, DateTimeOffset receivedAt)
    {
        try
        {
            _grain.Apply(events, receivedAt);
            _applied.Add((events, receivedAt));
            _outcomes.Add(new UploadOutcome(uploadId, null));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _grain = NewGrain(session, options);
            foreach (var (applied, at) in _applied) _grain.Apply(applied, at);
            SetAside(uploadId, $"could not apply the upload's events: {e.Message}");
        }
    }

    public void SetAside(Guid uploadId, string error) => _outcomes.Add(new UploadOutcome(uploadId, error));

    public SessionChanges Finish(IReadOnlyDictionary<string, Verdict> stored)
    {
        var verdicts = _grain.Evaluate(session.Now);
        var changed = new List<Verdict>();
        var transitions = new List<(Verdict? Before, Verdict After)>();
        var deltas = new Dictionary<RegionBucketKey, RegionCounterDelta>();
        var turnDeltas = new Dictionary<TurnBucketKey, TurnCounterDelta>();
        var clientDeltas = new Dictionary<ClientMinuteKey, long>();
        foreach (var verdict in verdicts)
        {
            var before = stored.GetValueOrDefault(verdict.PeerConnectionId);
            if (before is not null && Json(before) == Json(verdict)) continue;
            changed.Add(verdict);
            transitions.Add((before, verdict));
            foreach (var d in RegionGrain.Diff(before, verdict, session.CreatedAt))
            {
                var sum = deltas.GetValueOrDefault(d.Key) ?? new RegionCounterDelta(d.Key, 0, 0, 0);
                deltas[d.Key] = sum with
                {
                    PeerConnections = sum.PeerConnections + d.PeerConnections,
                    BytesRelayed = sum.BytesRelayed + d.BytesRelayed,
                    BytesDirect = sum.BytesDirect + d.BytesDirect,
                };
            }
            foreach (var d in TurnServerRollup.Diff(before, verdict, session.CreatedAt))
                turnDeltas[d.Key] = turnDeltas.TryGetValue(d.Key, out var sum) ? sum.Plus(d) : d;
            foreach (var d in ClientRollup.Diff(before, verdict, session.CreatedAt, session.Region, session.RollupClient))
                clientDeltas[d.Key] = clientDeltas.GetValueOrDefault(d.Key) + d.PeerConnections;
        }
        var regionDeltas = deltas.Values
            .Where(d => d.PeerConnections != 0 || d.BytesRelayed != 0 || d.BytesDirect != 0)
            .OrderBy(d => d.Key, BucketOrder.Instance) // one lock order across nodes: no deadlocks on shared buckets
            .ToList();
        return new SessionChanges(
            JsonSerializer.Serialize(_grain.State, GrainJson.Options),
            changed,
            regionDeltas,
            turnDeltas.Values.Where(d => !d.IsZero).OrderBy(d => d.Key, TurnBucketOrder.Instance).ToList(),
            clientDeltas.Where(d => d.Value != 0).Select(d => new ClientMinuteDelta(d.Key, d.Value)).ToList(),
            _outcomes,
            RoundUp(_grain.NextDeadline(verdicts, session.Now)),
            MetricChanges.From(transitions));
    }

    private static string Json(Verdict verdict) => JsonSerializer.Serialize(verdict, GrainJson.Options);

    // The database keeps microseconds; rounding up keeps a stored deadline from falling just short of the real one.
    private static DateTimeOffset? RoundUp(DateTimeOffset? time) =>
        time is { } t ? new DateTimeOffset((t.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero) : null;

    private static SessionGrain NewGrain(ClaimedSession session, SessionOptions options)
    {
        var state = session.StateJson is null
            ? new SessionState { SessionId = session.SessionId }
            : JsonSerializer.Deserialize<SessionState>(session.StateJson, GrainJson.Options)!;
        return new SessionGrain(state, options);
    }
}
