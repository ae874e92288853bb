using System.Text.Json;
using IceWatch.Grains.Alerting;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Verdicts;
using SessionLogic = IceWatch.Grains.Sessions.SessionGrain;

namespace IceWatch.Grains.Cluster;

/// <summary>A session grain's memory between steps: the folded facts, the verdicts as stored, and the row version they belong to.</summary>
internal sealed class LoadedSession(SessionKey key, SessionSnapshot snapshot, SessionOptions options)
{
    public string Region { get; } = snapshot.Region;

    /// <summary>Who this session counts as in the paging rule: its client network, or itself.</summary>
    public string Client { get; } = snapshot.Client.Length > 0 ? snapshot.Client : ClientRollup.SessionClient(key.SessionId);
    public DateTimeOffset CreatedAt { get; } = snapshot.CreatedAt;
    public long Version { get; private set; } = snapshot.Version;
    public DateTimeOffset? NextDeadline { get; private set; } = snapshot.NextDeadline;
    public Dictionary<string, Verdict> Verdicts { get; } = snapshot.Verdicts.ToDictionary(v => v.PeerConnectionId, StringComparer.Ordinal);
    public SessionLogic Logic { get; } = new(Restore(key, snapshot), options);

    public void Committed(long version, SessionChanges changes)
    {
        Version = version;
        NextDeadline = changes.NextDeadline;
        foreach (var verdict in changes.ChangedVerdicts) Verdicts[verdict.PeerConnectionId] = verdict;
    }

    private static SessionState Restore(SessionKey key, SessionSnapshot snapshot) => snapshot.StateJson is { } json
        ? JsonSerializer.Deserialize<SessionState>(json, GrainJson.Options)!
        : new SessionState { SessionId = key.SessionId };
}
