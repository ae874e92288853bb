using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>
/// Processes one session per call, all in one transaction: claim it, apply its unprocessed uploads
/// in received order, evaluate, write changed verdicts, add the region deltas, mark the uploads
/// processed and store the state with its next stall deadline. A killed process rolls back whole,
/// so an upload counts exactly once.
/// </summary>
public sealed class SessionProcessor(
    NpgsqlDataSource dataSource,
    IOptions<ProcessingOptions> options,
    IceWatchMetrics metrics,
    MetricsQueries metricsQueries,
    TimeProvider clock,
    ILogger<SessionProcessor> logger)
{
    /// <summary>Processes the unprocessed uploads of one session; false when none was waiting (or all were claimed).</summary>
    public Task<bool> ProcessPendingUploadsAsync(CancellationToken ct) => ProcessAsync(SessionClaims.WithPendingUploadsAsync, needsUploads: true, ct);

    /// <summary>Re-evaluates one session whose stall deadline has passed; false when none was due.</summary>
    public Task<bool> ProcessPastDeadlineAsync(CancellationToken ct) => ProcessAsync(SessionClaims.PastDeadlineAsync, needsUploads: false, ct);

    private async Task<bool> ProcessAsync(
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<ClaimedSession?>> claim, bool needsUploads, CancellationToken ct)
    {
        List<PendingUpload> uploads = [];
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (await claim(connection, transaction, ct) is not { } session) return false;

            uploads = await SessionRows.PendingUploadsAsync(connection, transaction, session, ct);
            // Another node processed them between the claim's snapshot and its lock: nothing left to do.
            if (needsUploads && uploads.Count == 0) return true;
            var stored = await SessionRows.VerdictsAsync(connection, transaction, session, ct);
            var fold = new SessionFold(session, options.Value.Session);
            foreach (var upload in uploads)
            {
                if (upload.Attempts >= options.Value.MaxAttempts)
                {
                    fold.SetAside(upload.Id, $"set aside after {upload.Attempts} failed attempts: {upload.LastError}");
                    continue;
                }
                var (events, error) = await ReadAsync(connection, transaction, upload, ct);
                if (events is not null) fold.Apply(upload.Id, events, upload.ReceivedAt);
                else fold.SetAside(upload.Id, error!);
            }
            var changes = fold.Finish(stored);
            await SessionWrites.SaveAsync(connection, transaction, session, changes, ct);
            await transaction.CommitAsync(ct);
            await RecordMetricsAsync(session, uploads, changes, ct);
            logger.LogDebug("Processed session {SessionId}: {Uploads} uploads, {Verdicts} verdicts changed",
                session.SessionId, uploads.Count, changes.ChangedVerdicts.Count);
            return true;
        }
        catch (Exception e) when (uploads.Count > 0 && !TransientErrors.IsTransient(e) && !ct.IsCancellationRequested)
        {
            await SessionWrites.RecordFailureAsync(dataSource, uploads.Select(u => u.Id).ToList(), e.Message, ct);
            throw;
        }
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
            return (await SessionRows.ReadBodyAsync(connection, transaction, upload.Id, body => UploadReader.Read(body).ToList(), ct), null);
        }
        catch (Exception e) when (e is not (NpgsqlException or OperationCanceledException))
        {
            return (null, e is UploadFormatException ? e.Message : $"could not read the upload: {e.Message}");
        }
    }
}
