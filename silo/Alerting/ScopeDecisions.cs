using IceWatch.Grains.Alerting;
using IceWatch.Grains.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Records one decision of a region or TURN grain in one transaction: the state change, the incident
/// change and the queued notifications commit together, and only while the state row still has the
/// version the grain read, so however many activations decide, each transition is recorded and queued once.
/// </summary>
internal sealed class ScopeDecisions(NpgsqlDataSource dataSource, NotificationSignal signal, IOptions<AlertingOptions> options, ILogger<ScopeDecisions> logger)
{
    internal async Task<AlertScopeRow?> RecordAsync(AlertScopeKey scope, AlertRule rule, AlertScopeRow row, AlertDecision decision,
        IReadOnlyList<WindowCounts> windows, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await AlertStateRows.LockAsync(connection, tx, scope, rule.Name, row.Version, ct)) return null;
        var links = new IncidentLinks(o.PublicUrl);
        var next = row with { State = decision.State, EvaluatedAt = now, Version = row.Version + 1 };
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
        if (queued > 0) signal.Notify();
        return next;
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
