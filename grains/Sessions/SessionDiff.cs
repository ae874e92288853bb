using System.Text.Json;
using IceWatch.Grains.Alerting;
using IceWatch.Grains.Regions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Sessions;

/// <summary>
/// Compares a session's fresh verdicts with the stored ones and turns each change into region and
/// TURN counter deltas: the pure end of a session step, whatever ran it.
/// </summary>
public static class SessionDiff
{
    public static SessionChanges Compute(SessionGrain session, IReadOnlyDictionary<string, Verdict> stored, DateTimeOffset createdAt, DateTimeOffset now) =>
        Compute(session, stored, createdAt, now, region: null, client: null);

    /// <summary>As above, and with the session's region and client, the client minute deltas the paging rule counts (ClientRollup).</summary>
    public static SessionChanges Compute(
        SessionGrain session, IReadOnlyDictionary<string, Verdict> stored, DateTimeOffset createdAt, DateTimeOffset now, string? region, string? client)
    {
        var clientDeltas = new Dictionary<ClientMinuteKey, long>();
        var verdicts = session.Evaluate(now);
        var changed = new List<Verdict>();
        var transitions = new List<(Verdict? Before, Verdict After)>();
        var regionDeltas = new Dictionary<RegionBucketKey, RegionCounterDelta>();
        var turnDeltas = new Dictionary<TurnBucketKey, TurnCounterDelta>();
        foreach (var verdict in verdicts)
        {
            var before = stored.GetValueOrDefault(verdict.PeerConnectionId);
            if (before is not null && Json(before) == Json(verdict)) continue;
            changed.Add(verdict);
            transitions.Add((before, verdict));
            foreach (var d in RegionGrain.Diff(before, verdict, createdAt))
                regionDeltas[d.Key] = regionDeltas.TryGetValue(d.Key, out var sum)
                    ? sum with
                    {
                        PeerConnections = sum.PeerConnections + d.PeerConnections,
                        BytesRelayed = sum.BytesRelayed + d.BytesRelayed,
                        BytesDirect = sum.BytesDirect + d.BytesDirect,
                    }
                    : d;
            foreach (var d in TurnServerRollup.Diff(before, verdict, createdAt))
                turnDeltas[d.Key] = turnDeltas.TryGetValue(d.Key, out var sum) ? sum.Plus(d) : d;
            if (region is not null && client is not null)
                foreach (var d in ClientRollup.Diff(before, verdict, createdAt, region, client))
                    clientDeltas[d.Key] = clientDeltas.GetValueOrDefault(d.Key) + d.PeerConnections;
        }
        return new SessionChanges(
            JsonSerializer.Serialize(session.State, GrainJson.Info<SessionState>()),
            changed,
            regionDeltas.Values.Where(d => d.PeerConnections != 0 || d.BytesRelayed != 0 || d.BytesDirect != 0).ToList(),
            turnDeltas.Values.Where(d => !d.IsZero).ToList(),
            RoundUp(session.NextDeadline(verdicts, now)),
            MetricChanges.From(transitions))
        {
            ClientDeltas = clientDeltas.Where(d => d.Value != 0).Select(d => new ClientMinuteDelta(d.Key, d.Value)).ToList(),
        };
    }

    private static string Json(Verdict verdict) => JsonSerializer.Serialize(verdict, GrainJson.Info<Verdict>());

    // The database keeps microseconds; rounding up keeps a stored deadline from falling just short of the real one.
    private static DateTimeOffset? RoundUp(DateTimeOffset? time) =>
        time is { } t ? new DateTimeOffset((t.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero) : null;
}
