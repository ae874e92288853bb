using System.Security.Cryptography;

namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// A read-only pass-through that hashes (SHA-256) and counts what is read, failing past a limit;
/// the token stops a long synchronous validation when the client goes away.
/// </summary>
public sealed class MeteredReadStream(Stream inner, long limit, CancellationToken ct) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly NulEscapeDetector _nul = new();

    public long BytesRead { get; private set; }

    /// <summary>Whether the content holds a JSON <c>\u0000</c> escape (see <see cref="NulEscapeDetector"/>).</summary>
    public bool HasNulEscape => _nul.Found;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ct.ThrowIfCancellationRequested();
        var read = inner.Read(buffer);
        Meter(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ct.ThrowIfCancellationRequested();
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Meter(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads what the consumer left unread, so the hash and the limit cover the whole content.</summary>
    public void Drain()
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (Read(scratch) > 0) { }
    }

    public byte[] Sha256() => _hash.GetHashAndReset();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Meter(ReadOnlySpan<byte> data)
    {
        BytesRead += data.Length;
        if (BytesRead > limit) throw new DecompressedTooLargeException(limit);
        _hash.AppendData(data);
        _nul.Feed(data);
    }
}
