using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using IceWatch.Grains.Parsing;
using IceWatch.IngestApi.Options;
using IceWatch.IngestApi.Problems;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// Streams the (inflated) body once through the format validator while hashing and counting it,
/// so a gzip bomb is stopped at the limit and no second copy of the content is kept.
/// </summary>
public sealed class ContentInspector(IOptions<IngestOptions> options)
{
    public InspectedContent Inspect(ReceivedBody body, CancellationToken ct)
    {
        var o = options.Value;
        var limit = o.MaxDecompressedBytes;
        var received = MemoryMarshal.TryGetArray(body.Bytes, out var segment) ? segment : new ArraySegment<byte>(body.Bytes.ToArray());
        Stream source = new MemoryStream(received.Array!, received.Offset, received.Count, writable: false);
        var gzip = body.Gzipped ? new GzipInput(source) : null;
        if (gzip is not null) source = gzip;

        using var content = new MeteredReadStream(source, limit, ct);
        try
        {
            var summary = UploadReader.Validate(content, new UploadQuota(o.MaxUploadPeerConnections, o.MaxUploadEvents, o.MaxUploadStatsObjects));
            content.Drain();
            if (content.HasNulEscape)
                throw UploadRejectedException.BadRequest("The body contains the JSON escape \\u0000; strings must not contain U+0000.");
            return new InspectedContent(summary, content.Sha256(), content.BytesRead);
        }
        catch (Exception e) when (gzip is not null && e is UploadFormatException or JsonException && IsCutOff(content, gzip))
        {
            throw UploadRejectedException.BadRequest(
                $"The body is gzip data cut off after {gzip.CompressedBytes} bytes (gzip's end marker is missing): the upload was interrupted "
                + "or the file is truncated. Send the whole file.");
        }
        catch (Exception e) when (Translate(e, body.Gzipped) is { } rejection)
        {
            throw rejection;
        }
    }

    /// <summary>Drains through the metered stream first, so the inflated-size limit holds while the trailer is reached.</summary>
    private static bool IsCutOff(MeteredReadStream content, GzipInput gzip)
    {
        try
        {
            content.Drain();
        }
        catch (Exception e) when (e is InvalidDataException or DecompressedTooLargeException)
        {
            return false;
        }
        return gzip.IsCutOff();
    }

    private static UploadRejectedException? Translate(Exception exception, bool gzipped)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DecompressedTooLargeException tooLarge:
                    return UploadRejectedException.TooLarge(tooLarge.Message);
                case InvalidDataException when gzipped:
                    return UploadRejectedException.BadRequest("The body starts with gzip's magic bytes (1f 8b) but is not valid gzip data.");
            }
        }
        return exception switch
        {
            UploadQuotaExceededException quota => UploadRejectedException.TooLarge(quota.Message),
            UploadFormatException format => UploadRejectedException.BadRequest(format.Message),
            JsonException json => UploadRejectedException.BadRequest($"The body is not valid JSON: {json.Message}"),
            DecoderFallbackException => UploadRejectedException.BadRequest("The body is not valid UTF-8 text."),
            // The validator is a pure function of the bytes: whatever else it throws, the input provoked it.
            ArgumentException or FormatException or OverflowException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException =>
                UploadRejectedException.BadRequest($"The body could not be read: {exception.Message}"),
            _ => null,
        };
    }
}
