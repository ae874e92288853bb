using IceWatch.IngestApi.Options;
using IceWatch.IngestApi.Problems;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// Reads a request body into one pooled buffer, enforcing the size limit even where the server
/// does not (and even when Content-Length lies: the limit counts what actually arrives).
/// </summary>
public sealed class RequestBodyReader(IOptions<IngestOptions> options)
{
    private const int InitialSize = 16 * 1024;

    public async Task<ReceivedBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var max = options.Value.MaxRequestBodyBytes;
        var gzipByHeader = ContentEncoding(request);
        if (request.ContentLength > max) throw TooLarge(max);

        // Content-Length only sizes the first buffer; a body longer than announced still grows it.
        var buffer = BodyBuffers.Get(request.ContentLength is { } announced and > 0 ? (int)announced + 1 : InitialSize);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
                if (length > max) throw TooLarge(max);
                if (length == buffer.Length) buffer = Grow(buffer, length, max);
            }
        }
        catch
        {
            BodyBuffers.Return(buffer);
            throw;
        }

        var gzipMagic = length >= 2 && buffer[0] == 0x1F && buffer[1] == 0x8B;
        var body = new ReceivedBody(buffer, length, gzipByHeader || gzipMagic, buffer.Length <= BodyBuffers.MaxPooled);
        if (length == 0)
        {
            body.Dispose();
            throw UploadRejectedException.BadRequest("The request body is empty.");
        }
        if (gzipByHeader && !gzipMagic)
        {
            body.Dispose();
            throw UploadRejectedException.BadRequest(
                "The body is not gzip: the request says Content-Encoding: gzip, but the body does not start with gzip's magic bytes (1f 8b). "
                + "Send it without that header, or compress it first (gzip -c FILE | curl --data-binary @- ...).");
        }
        return body;
    }

    private static byte[] Grow(byte[] buffer, int length, long max)
    {
        var bigger = BodyBuffers.Get((int)Math.Min(Math.Max(buffer.Length * 2L, InitialSize), max + 1));
        buffer.AsSpan(0, length).CopyTo(bigger);
        BodyBuffers.Return(buffer);
        return bigger;
    }

    private static bool ContentEncoding(HttpRequest request)
    {
        string? encoding = request.Headers.ContentEncoding;
        if (string.IsNullOrWhiteSpace(encoding)) return false;
        return encoding.Trim().ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => true,
            "identity" => false,
            var other => throw UploadRejectedException.UnsupportedMediaType(
                $"Content-Encoding '{other}' is not supported; send the body raw or with Content-Encoding: gzip."),
        };
    }

    private static UploadRejectedException TooLarge(long max) =>
        UploadRejectedException.TooLarge($"The request body exceeds the maximum of {max} bytes.");
}
