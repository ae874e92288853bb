using IceWatch.Grains.Alerting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Evaluates one (tenant, scope) in one transaction under the lock of its alert state row: the
/// state change, the incident change and the queued notifications commit together or not at all,
/// so however many nodes evaluate, each transition is decided and queued once.
/// </summary>
public sealed class ScopeEvaluator(NpgsqlDataSource dataSource, IOptions<AlertingOptions> options, TimeProvider clock, ILogger<ScopeEvaluator> logger)
{
    /// <summary>True when this call evaluated the scope and queued at least one notification.</summary>
    internal async Task<bool> EvaluateAsync(AlertScopeKey scope, CancellationToken ct)
    {
        var o = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rule = await AlertRuleStore.ResolveAsync(connection, tx, scope.TenantId, scope.ScopeKind, scope.ScopeValue, ct);
        if (await AlertStateRows.LockAsync(connection, tx, scope, rule.Name, ct) is not { } row) return false;
        var now = clock.GetUtcNow();
        // Another node evaluated it a moment ago: once per interval is enough.
        if (row.EvaluatedAt is { } last && now - last < o.Interval / 2) return false;

        var minutes = await AlertCounts.MinutesAsync(connection, tx, scope, AlertWindows.FirstMinute(rule.Windows.Max(), now), ct);
        var windows = AlertWindows.Count(rule.Windows, minutes.ToList(), now);
        var decision = AlertEvaluator.Evaluate(rule, row.State, windows, now);
        var links = new IncidentLinks(o.PublicUrl);
        var next = row with { State = decision.State, EvaluatedAt = now };
        var queued = 0;

        async Task<int> QueueAsync(AlertIncident incident, string ev, int seq)
        {
            var targets = await NotificationTargetStore.ListAsync(connection, tx, scope.TenantId, null, ct);
            return await OutboxWrites.EnqueueAsync(connection, tx, incident, targets, ev, seq,
                t => NotificationBodies.For(t, incident, ev, links, now, o.ResendInterval), ct);
        }

        if (decision.Transition == AlertTransition.Fired)
        {
            var incident = IncidentPage.Open(scope, await TenantNameAsync(connection, tx, scope.TenantId, ct), rule, decision,
                await DetailsAsync(connection, tx, scope, windows[0], links, now, ct), now);
            await IncidentRows.SaveAsync(connection, tx, incident, ct);
            queued = await QueueAsync(incident, NotificationEvents.Fired, 0);
            next = next with
            {
                IncidentId = incident.Id, NextResendAt = now + o.ResendInterval, Resends = 0, Reminders = 0,
                NextReminderAt = rule.ReminderInterval > TimeSpan.Zero ? now + rule.ReminderInterval : null,
            };
            logger.LogWarning("Alert fired for {Scope} of tenant {Tenant}: {Reason}", incident.Scope, incident.Tenant, decision.Reason);
        }
        else if (row.IncidentId is { } id && await IncidentRows.GetAsync(connection, tx, id, ct) is { } open)
        {
            if (decision.Transition == AlertTransition.Resolved)
            {
                var resolved = IncidentPage.Resolve(open, decision, windows[0], now);
                await IncidentRows.SaveAsync(connection, tx, resolved, ct);
                queued = await QueueAsync(resolved, NotificationEvents.Resolved, 0);
                next = next with { IncidentId = null, NextResendAt = null, NextReminderAt = null };
                logger.LogWarning("Alert resolved for {Scope} of tenant {Tenant}: {Reason}", open.Scope, open.Tenant, decision.Reason);
            }
            else
            {
                var peakRose = decision.State.PeakRate > row.State.PeakRate;
                var updated = IncidentPage.Update(open, rule, decision, windows[0], peakRose ? await DetailsAsync(connection, tx, scope, windows[0], links, now, ct) : null, now);
                await IncidentRows.SaveAsync(connection, tx, updated, ct);
                if (row.NextResendAt is { } resend && resend <= now)
                {
                    next = next with { Resends = row.Resends + 1, NextResendAt = now + o.ResendInterval };
                    queued += await QueueAsync(updated, NotificationEvents.Refresh, next.Resends);
                }
                if (row.NextReminderAt is { } remind && remind <= now)
                {
                    next = next with { Reminders = row.Reminders + 1, NextReminderAt = now + rule.ReminderInterval };
                    queued += await QueueAsync(updated, NotificationEvents.Reminder, next.Reminders);
                }
            }
        }

        await AlertStateRows.SaveAsync(connection, tx, scope, rule.Name, next, ct);
        await tx.CommitAsync(ct);
        return queued > 0;
    }

    private static async Task<PageDetails> DetailsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, AlertScopeKey scope, WindowCounts current, IncidentLinks links, DateTimeOffset now, CancellationToken ct)
    {
        var from = now - current.Window;
        var urls = await AlertCounts.CauseTurnUrlsAsync(connection, tx, scope, from, ct);
        var worst = await AlertCounts.WorstSessionsAsync(connection, tx, scope, from, ct);
        var byCategory = scope.ScopeKind == IncidentScope.TurnUrlKind
            ? current.FailedByCategory.Keys.Where(c => c.StartsWith("turn_", StringComparison.Ordinal)).ToDictionary(c => c, _ => scope.ScopeValue)
            : urls;
        return new PageDetails(current, byCategory, worst.Select(w => new WorstSession(w.SessionId, w.Failed, links.Session(w.SessionId))).ToList());
    }

    private static async Task<string> TenantNameAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT name FROM tenants WHERE id = $1", connection, tx) { Parameters = { new() { Value = tenantId } } };
        return (string?)await command.ExecuteScalarAsync(ct) ?? tenantId.ToString();
    }
}
