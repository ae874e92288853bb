using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Verdicts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Processes a few sessions per call, all in one transaction: claim them, apply each one's unprocessed
/// uploads in received order, evaluate, write changed verdicts, add the region deltas, mark the uploads
/// processed and store each state with its next stall deadline. A killed process rolls back whole, so an
/// upload counts exactly once. Several sessions share the round trips and the commit; after a failure
/// the next transactions take one session each, so a session that cannot be written fails alone.
/// </summary>
public sealed class SessionProcessor(
    NpgsqlDataSource dataSource,
    AddressPrivacy privacy,
    IOptions<ProcessingOptions> options,
    IOptions<PrivacyOptions> privacyOptions,
    IceWatchMetrics metrics,
    MetricsQueries metricsQueries,
    TimeProvider clock,
    ILogger<SessionProcessor> logger)
{
    private int _isolated;

    /// <summary>Processes the unprocessed uploads of some sessions; false when none was waiting (or all were claimed).</summary>
    public Task<bool> ProcessPendingUploadsAsync(CancellationToken ct) => ProcessAsync(SessionClaims.WithPendingUploadsAsync, needsUploads: true, ct);

    /// <summary>Re-evaluates sessions whose stall deadline has passed; false when none was due.</summary>
    public Task<bool> ProcessPastDeadlineAsync(CancellationToken ct) => ProcessAsync(SessionClaims.PastDeadlineAsync, needsUploads: false, ct);

    private async Task<bool> ProcessAsync(
        Func<NpgsqlConnection, NpgsqlTransaction, int, CancellationToken, Task<List<ClaimedSession>>> claim, bool needsUploads, CancellationToken ct)
    {
        var limit = Volatile.Read(ref _isolated) > 0 ? 1 : options.Value.SessionsPerTransaction;
        if (limit == 1 && Volatile.Read(ref _isolated) > 0) Interlocked.Decrement(ref _isolated);
        List<ClaimedSession> sessions = [];
        List<Guid> uploadIds = [];
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            sessions = await claim(connection, transaction, limit, ct);
            if (sessions.Count == 0) return false;

            var loaded = await SessionRows.LoadAsync(connection, transaction, sessions, ct);
            uploadIds = loaded.SelectMany(l => l.Uploads.Select(u => u.Id)).ToList();
            // Another node processed them between the claim's snapshot and its lock: nothing left to do.
            if (needsUploads && uploadIds.Count == 0) return true;
            var redact = await privacy.RedactorAsync(ct);
            var all = new List<ClaimedChanges>(sessions.Count);
            var processed = new List<List<PendingUpload>>(sessions.Count);
            for (var i = 0; i < sessions.Count; i++)
            {
                var (uploads, stored) = loaded[i];
                if (needsUploads && uploads.Count == 0) continue;
                all.Add(new ClaimedChanges(sessions[i], await FoldAsync(connection, transaction, sessions[i], uploads, stored, redact, ct)));
                processed.Add(uploads);
            }
            await SessionWrites.SaveAsync(connection, transaction, all, privacyOptions.Value.DropsRawBodies, ct);
            await transaction.CommitAsync(ct);
            for (var i = 0; i < all.Count; i++)
            {
                var (session, changes) = all[i];
                await RecordMetricsAsync(session, processed[i], changes, ct);
                logger.LogDebug("Processed session {SessionId}: {Uploads} uploads, {Verdicts} verdicts changed",
                    session.SessionId, changes.Uploads.Count, changes.ChangedVerdicts.Count);
            }
            return true;
        }
        catch (Exception e) when (uploadIds.Count > 0 && !TransientErrors.IsTransient(e) && !ct.IsCancellationRequested)
        {
            // Only a failure of one session alone counts against its uploads; a shared one is retried apart first.
            if (sessions.Count == 1) await SessionWrites.RecordFailureAsync(dataSource, uploadIds, e.Message, ct);
            else Interlocked.Exchange(ref _isolated, 2 * options.Value.SessionsPerTransaction * options.Value.Workers);
            throw;
        }
    }

    private async Task<SessionChanges> FoldAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ClaimedSession session,
        List<PendingUpload> uploads, Dictionary<string, Verdict> stored, Func<IceEvent, IceEvent> redact, CancellationToken ct)
    {
        var fold = new SessionFold(session, options.Value.Session);
        foreach (var upload in uploads)
        {
            if (upload.Attempts >= options.Value.MaxAttempts)
            {
                fold.SetAside(upload.Id, $"set aside after {upload.Attempts} failed attempts: {upload.LastError}");
                continue;
            }
            var (events, error) = await ReadAsync(connection, transaction, upload, ct);
            if (events is not null) fold.Apply(upload.Id, events.Select(redact).ToList(), upload.ReceivedAt);
            else fold.SetAside(upload.Id, error!);
        }
        return fold.Finish(stored);
    }

    private async Task RecordMetricsAsync(ClaimedSession session, List<PendingUpload> uploads, SessionChanges changes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var upload in uploads) metrics.UploadProcessed(now - upload.ReceivedAt);
        if (changes.Metrics.NewlyFinal.Count == 0 && changes.Metrics.BytesRelayedGrowth == 0 && changes.Metrics.BytesDirectGrowth == 0) return;
        metrics.Processed(await metricsQueries.TenantNameAsync(session.TenantId, ct), session.Region, changes.Metrics);
    }

    /// <summary>The upload's events, or the reason it is not a readable upload.</summary>
    private static async Task<(IReadOnlyList<IceEvent>? Events, string? Error)> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PendingUpload upload, CancellationToken ct)
    {
        try
        {
            if (upload.InlineBody is { } inline) return (UploadReader.Read(new MemoryStream(inline, writable: false), StatsFilter.Timeline).ToList(), null);
            return (await SessionRows.ReadBodyAsync(connection, transaction, upload.Id, body => UploadReader.Read(body, StatsFilter.Timeline).ToList(), ct), null);
        }
        catch (Exception e) when (e is not (NpgsqlException or OperationCanceledException))
        {
            return (null, e is UploadFormatException ? e.Message : $"could not read the upload: {e.Message}");
        }
    }
}
