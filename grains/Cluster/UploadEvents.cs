using System.Data.Common;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Cluster;

/// <summary>An upload's events, redacted, or the reason it is not a readable upload. Storage failures are not reasons: they propagate.</summary>
internal static class UploadEvents
{
    public static async Task<(IReadOnlyList<IceEvent>? Events, string? Error)> ReadAsync(
        ISessionStore store, PendingUpload upload, Func<IceEvent, IceEvent> redact, CancellationToken ct) =>
        upload.InlineBody is { } inline
            ? Parse(new MemoryStream(inline, writable: false), redact)
            : await store.ReadBodyAsync(upload.Id, body => Parse(body, redact), ct);

    private static (IReadOnlyList<IceEvent>? Events, string? Error) Parse(Stream body, Func<IceEvent, IceEvent> redact)
    {
        try
        {
            return (UploadReader.Read(body, StatsFilter.Timeline).Select(redact).ToList(), null);
        }
        catch (UploadFormatException e)
        {
            return (null, e.Message);
        }
        catch (Exception e) when (e is not (OperationCanceledException or DbException or IOException or TimeoutException))
        {
            return (null, $"could not read the upload: {e.Message}");
        }
    }
}
