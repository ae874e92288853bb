using IceWatch.Grains.Alerting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IceWatch.Grains.Cluster;

/// <summary>
/// What region and TURN grains share: sliding windows kept in memory (rebuilt from the minute tables on
/// activation and every <see cref="AlertScopeOptions.RebuildInterval"/>, fed by committed deltas in
/// between) and the paging decision evaluated every interval. The decision counts the client minutes
/// (docs/alerting.md: each client once per window), the counters serve the scope's stats.
/// </summary>
public abstract class AlertScopeGrain<TKey, TDelta>(IAlertScopeStore store, IOptions<AlertScopeOptions> options, TimeProvider clock, ILogger logger)
    : Grain where TKey : notnull
{
    private MinuteWindow<TKey, TDelta> _window = null!;
    private TransactionSnapshot _snapshot = TransactionSnapshot.None;
    private readonly MinuteWindow<ClientMinuteKey, ClientMinuteDelta> _clients =
        new(d => d.Key, k => k.Minute, (a, b) => a with { PeerConnections = a.PeerConnections + b.PeerConnections });
    private TransactionSnapshot _clientSnapshot = TransactionSnapshot.None;
    private DateTimeOffset _rebuiltAt;
    private AlertScopeRow? _row;
    private string? _rowRule;

    protected Guid TenantId { get; private set; }
    protected IncidentScope Scope { get; private set; } = null!;
    protected TimeProvider Clock => clock;
    protected IAlertScopeStore Store => store;
    protected TimeSpan Span { get; private set; } = AlertScopeOptions.MinimumSpan;
    protected bool Known { get; private set; }
    protected IEnumerable<TDelta> Buckets => _window.Buckets;

    protected abstract IncidentScope ScopeOf(string keyExtension);
    protected abstract MinuteWindow<TKey, TDelta> NewWindow();
    protected abstract Task<WindowLoad<TDelta>> LoadAsync(DateTimeOffset fromMinute, CancellationToken ct);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        TenantId = this.GetPrimaryKey(out var extension);
        Scope = ScopeOf(extension!);
        _window = NewWindow();
        await RebuildAsync(cancellationToken);
        var interval = options.Value.Interval;
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
    }

    public Task WakeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Adds committed deltas the last rebuild did not already read.</summary>
    protected Task AddCommittedAsync(CommittedDeltas<TDelta> deltas)
    {
        if (_snapshot.Sees(deltas.TransactionId)) return Task.CompletedTask;
        foreach (var delta in deltas.Deltas) _window.Add(delta);
        Known = true;
        return Task.CompletedTask;
    }

    /// <summary>Adds committed client minute deltas the last rebuild did not already read.</summary>
    protected Task AddCommittedClientsAsync(CommittedDeltas<ClientMinuteDelta> deltas)
    {
        if (_clientSnapshot.Sees(deltas.TransactionId)) return Task.CompletedTask;
        foreach (var delta in deltas.Deltas) _clients.Add(delta);
        return Task.CompletedTask;
    }

    protected async Task RebuildAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = AlertWindows.FirstMinute(Span, now);
        var load = await LoadAsync(from, ct);
        _window.Reset(load.Rows);
        _snapshot = TransactionSnapshot.Parse(load.Snapshot);
        var clients = await store.LoadClientsAsync(TenantId, Scope, from, ct);
        _clients.Reset(clients.Rows);
        _clientSnapshot = TransactionSnapshot.Parse(clients.Snapshot);
        _rebuiltAt = now;
        Known = load.Known;
    }

    private async Task TickAsync(CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            var rule = await store.RuleAsync(TenantId, Scope, ct);
            var longer = rule.Windows.Max() > Span;
            if (longer) Span = rule.Windows.Max();
            if (longer || now - _rebuiltAt >= options.Value.RebuildInterval) await RebuildAsync(ct);
            _window.DropBefore(AlertWindows.FirstMinute(Span, now));
            _clients.DropBefore(AlertWindows.FirstMinute(Span, now));
            var minutes = _clients.Buckets.Select(d => new ClientMinuteCount(d.Key.Minute, d.Key.Client, d.Key.Outcome, d.Key.Category, d.PeerConnections)).ToList();
            await DecideAsync(rule, AlertWindows.Count(rule.Windows, minutes, now), now, ct);
            if (_window.IsEmpty && _clients.IsEmpty && _row is { IncidentId: null, State.Status: AlertStatus.Ok }) DeactivateOnIdle();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _row = null;
            logger.LogWarning(e, "Evaluating {Scope} of tenant {TenantId} failed; trying again at the next interval", Scope, TenantId);
        }
    }

    private async Task DecideAsync(AlertRule rule, IReadOnlyList<WindowCounts> windows, DateTimeOffset now, CancellationToken ct)
    {
        if (_row is null || _rowRule != rule.Name)
        {
            _row = await store.StateAsync(TenantId, Scope, rule.Name, ct);
            _rowRule = rule.Name;
        }
        var decision = AlertEvaluator.Evaluate(rule, _row.State, windows, now);
        // Nothing to record while nothing moves; a firing incident is updated (and re-sent) every interval.
        if (decision.Transition == AlertTransition.None && decision.State == _row.State && _row.IncidentId is null) return;
        _row = await store.RecordAsync(TenantId, Scope, rule, _row, decision, windows, now, ct);
    }
}
