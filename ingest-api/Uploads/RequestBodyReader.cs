using IceWatch.IngestApi.Options;
using IceWatch.IngestApi.Problems;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Uploads;

/// <summary>Reads a request body into memory, enforcing the size limit even where the server does not.</summary>
public sealed class RequestBodyReader(IOptions<IngestOptions> options)
{
    public async Task<ReceivedBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var max = options.Value.MaxRequestBodyBytes;
        var gzipByHeader = ContentEncoding(request);
        if (request.ContentLength > max) throw TooLarge(max);

        var buffer = new MemoryStream(request.ContentLength is { } length and > 0 ? (int)length : 64 * 1024);
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw TooLarge(max);
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0) throw UploadRejectedException.BadRequest("The request body is empty.");
        var bytes = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        var gzipByMagic = bytes.Length >= 2 && bytes.Span[0] == 0x1F && bytes.Span[1] == 0x8B;
        return new ReceivedBody(bytes, gzipByHeader || gzipByMagic);
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
