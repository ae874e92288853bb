using IceWatch.Grains.Alerting;
using IceWatch.Grains.Events;
using IceWatch.Grains.Regions;
using IceWatch.Grains.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IceWatch.Grains.Cluster;

/// <summary>
/// A session in memory: each step applies uploads to the folded facts, diffs the verdicts and commits
/// everything in one version-checked transaction; a conflict (another activation got there first)
/// reloads and tries again. After the commit it hands the deltas to its region and TURN grains.
/// Sessions are placed at random, so every silo takes its share, whoever hands them over.
/// </summary>
[Orleans.Placement.RandomPlacement]
public sealed class SessionGrain(
    ISessionStore store, IUploadPrivacy privacy, ISessionMetrics metrics, IOptions<SessionGrainOptions> options,
    TimeProvider clock, ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private SessionKey _key = null!;
    private LoadedSession? _session;
    private IGrainTimer? _deadline;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = SessionKey.Of(this);
        return Task.CompletedTask;
    }

    public Task ProcessAsync(UploadHandoff upload, CancellationToken cancellationToken = default) =>
        StepAsync([new PendingUpload(upload.UploadId, upload.ReceivedAt, 0, null, upload.Body)], cancellationToken);

    public async Task CatchUpAsync(CancellationToken cancellationToken = default) =>
        await StepAsync(await store.PendingUploadsAsync(_key, cancellationToken), cancellationToken);

    public Task EvaluateAsync(CancellationToken cancellationToken = default) => StepAsync([], cancellationToken);

    private async Task StepAsync(IReadOnlyList<PendingUpload> uploads, CancellationToken ct)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            if (await LoadAsync(ct) is not { } session)
            {
                logger.LogWarning("Session {SessionId} of tenant {TenantId} has no row; {Count} uploads left as they are", _key.SessionId, _key.TenantId, uploads.Count);
                return;
            }
            var now = clock.GetUtcNow();
            var outcomes = await ApplyAsync(session, uploads, ct);
            SessionChanges changes;
            try
            {
                changes = SessionDiff.Compute(session.Logic, session.Verdicts, session.CreatedAt, now, session.Region, session.Client);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _session = null;
                await store.RecordFailureAsync(outcomes.Select(o => o.Id).ToList(), $"could not evaluate the session: {e.Message}", ct);
                throw;
            }
            if (outcomes.Count == 0 && changes.ChangedVerdicts.Count == 0 && changes.NextDeadline == session.NextDeadline)
            {
                ScheduleDeadline(changes.NextDeadline, now);
                return;
            }

            CommitResult result;
            try
            {
                result = await store.CommitAsync(_key, new SessionCommit(session.Region, session.Version, changes, outcomes), ct);
            }
            catch
            {
                _session = null; // the facts hold uploads the database does not: start again from what it has
                throw;
            }
            if (!result.Committed)
            {
                _session = null;
                uploads = uploads.Where(u => !result.AlreadyProcessed.Contains(u.Id)).ToList();
                if (conflicts + 1 >= options.Value.MaxConflicts)
                    throw new InvalidOperationException($"Session {_key.SessionId} kept conflicting with another writer ({conflicts + 1} times).");
                // Two writers that retry in step would keep colliding; a random pause lets one of them through.
                await Task.Delay(Random.Shared.Next(5, 20 * Math.Min(conflicts + 1, 10)), ct);
                continue;
            }
            session.Committed(result.Version, changes);
            logger.LogDebug("Processed session {SessionId}: {Uploads} uploads, {Verdicts} verdicts changed, version {Version}",
                _key.SessionId, outcomes.Count, changes.ChangedVerdicts.Count, result.Version);
            ScheduleDeadline(changes.NextDeadline, now);
            metrics.UploadsProcessed(outcomes);
            await PublishAsync(session.Region, result.TransactionId, changes, ct);
            return;
        }
    }

    private async Task<LoadedSession?> LoadAsync(CancellationToken ct)
    {
        if (_session is not null) return _session;
        var snapshot = await store.LoadAsync(_key, ct);
        return _session = snapshot is null ? null
            : new LoadedSession(_key, snapshot, new SessionOptions(options.Value.StallDeadline) { Limits = options.Value.SessionLimits });
    }

    /// <summary>Applies each upload; one whose events cannot be read or applied is set aside alone, the others stand.</summary>
    private async Task<List<UploadOutcome>> ApplyAsync(LoadedSession session, IReadOnlyList<PendingUpload> uploads, CancellationToken ct)
    {
        var outcomes = new List<UploadOutcome>(uploads.Count);
        var applied = new List<(IReadOnlyList<IceEvent> Events, DateTimeOffset ReceivedAt)>();
        var redact = uploads.Count > 0 ? await privacy.RedactorAsync(ct) : null;
        foreach (var upload in uploads)
        {
            if (upload.Attempts >= options.Value.MaxAttempts)
            {
                outcomes.Add(new UploadOutcome(upload.Id, upload.ReceivedAt, $"set aside after {upload.Attempts} failed attempts: {upload.LastError}"));
                continue;
            }
            var (events, error) = await UploadEvents.ReadAsync(store, upload, redact!, ct);
            if (events is null)
            {
                outcomes.Add(new UploadOutcome(upload.Id, upload.ReceivedAt, error));
                continue;
            }
            try
            {
                session.Logic.Apply(events, upload.ReceivedAt);
                applied.Add((events, upload.ReceivedAt));
                outcomes.Add(new UploadOutcome(upload.Id, upload.ReceivedAt, null));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _session = null;
                session = (await LoadAsync(ct))!;
                foreach (var (before, at) in applied) session.Logic.Apply(before, at);
                outcomes.Add(new UploadOutcome(upload.Id, upload.ReceivedAt, $"could not apply the upload's events: {e.Message}"));
            }
        }
        return outcomes;
    }

    private async Task PublishAsync(string region, long transactionId, SessionChanges changes, CancellationToken ct)
    {
        await metrics.StepCommittedAsync(_key.TenantId, region, changes.Metrics, ct);
        var calls = new List<Task>();
        if (changes.RegionDeltas.Count > 0)
            calls.Add(GrainFactory.GetGrain<IRegionGrain>(_key.TenantId, region)
                .AddAsync(new CommittedDeltas<RegionCounterDelta>(transactionId, changes.RegionDeltas), ct));
        foreach (var url in changes.TurnDeltas.GroupBy(d => d.Key.TurnUrl, StringComparer.Ordinal))
            calls.Add(GrainFactory.GetGrain<ITurnServerGrain>(_key.TenantId, url.Key)
                .AddAsync(new CommittedDeltas<TurnCounterDelta>(transactionId, url.ToList()), ct));
        foreach (var scope in changes.ClientDeltas.GroupBy(d => (d.Key.ScopeKind, d.Key.ScopeValue)))
        {
            var deltas = new CommittedDeltas<ClientMinuteDelta>(transactionId, scope.ToList());
            calls.Add(scope.Key.ScopeKind == IncidentScope.RegionKind
                ? GrainFactory.GetGrain<IRegionGrain>(_key.TenantId, scope.Key.ScopeValue).AddClientsAsync(deltas, ct)
                : GrainFactory.GetGrain<ITurnServerGrain>(_key.TenantId, scope.Key.ScopeValue).AddClientsAsync(deltas, ct));
        }
        try
        {
            await Task.WhenAll(calls).WaitAsync(options.Value.PublishTimeout, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The deltas are committed; the windows pick them up when they next rebuild from the minute tables.
            logger.LogDebug(e, "Handing the deltas of session {SessionId} to its region and TURN grains failed", _key.SessionId);
        }
    }

    private void ScheduleDeadline(DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is not { } due)
        {
            _deadline?.Dispose();
            _deadline = null;
            return;
        }
        var wait = due - now + TimeSpan.FromMilliseconds(20);
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        if (_deadline is null)
            _deadline = this.RegisterGrainTimer(ct => StepAsync([], ct), new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { KeepAlive = false });
        else
            _deadline.Change(wait, Timeout.InfiniteTimeSpan);
    }
}
