using IceWatch.Grains.Cluster;
using IceWatch.Silo;

namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// Hands a committed upload to its session grain without making the client wait for processing. A
/// handoff that fails, times out or finds too many in flight is simply dropped: the upload is durable
/// in the inbox and the silos' recovery sweep hands it over a few seconds later.
/// </summary>
public sealed class GrainHandoff(IGrainFactory grains, ILogger<GrainHandoff> logger)
{
    /// <summary>Bodies up to this size travel with the call; larger ones are read back from the inbox by the grain.</summary>
    public const int InlineBodyBytes = 256 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _inFlight = new(1024);

    public void HandOff(Guid tenantId, AcceptResult accepted, ReadOnlyMemory<byte> body)
    {
        if (accepted.Duplicate || accepted.ReceivedAt is not { } receivedAt) return;
        if (!_inFlight.Wait(0)) return;
        var upload = new UploadHandoff(accepted.UploadId, receivedAt, body.Length <= InlineBodyBytes ? body.ToArray() : null);
        _ = SendAsync(tenantId, accepted.SessionId, upload);
    }

    private async Task SendAsync(Guid tenantId, string sessionId, UploadHandoff upload)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await grains.GetGrain<ISessionGrain>(tenantId, sessionId).ProcessAsync(upload, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Handing upload {UploadId} to its session failed; the recovery sweep will", upload.UploadId);
        }
        finally
        {
            _inFlight.Release();
        }
    }
}
