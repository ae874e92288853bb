using System.IO.Compression;

namespace IceWatch.Grains.Parsing;

/// <summary>Inflates a gzip stream while keeping what <see cref="GzipTrailer"/> needs to tell a cut-off stream.</summary>
public sealed class GzipInput : Stream
{
    private readonly TailStream _compressed;
    private readonly GZipStream _inflater;
    private long _inflated;

    public GzipInput(Stream compressed)
    {
        _compressed = new TailStream(compressed);
        _inflater = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>
    /// Whether the input ended before gzip's end: reads what is left (callers with a limit drain
    /// through it first; past <paramref name="maxUnread"/> more bytes the answer is no), then checks the trailer.
    /// </summary>
    public bool IsCutOff(long maxUnread = 1L << 30)
    {
        var scratch = new byte[81920];
        try
        {
            for (long unread = 0, read; (read = Read(scratch)) > 0; unread += read)
                if (unread > maxUnread) return false;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        return GzipTrailer.IsCutOff(_compressed.Tail, _compressed.BytesRead, _inflated);
    }

    public long CompressedBytes => _compressed.BytesRead;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inflater.Read(buffer);
        _inflated += read;
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _inflated; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inflater.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Passes reads through, remembering the last <see cref="GzipTrailer.Size"/> bytes and the count.</summary>
    private sealed class TailStream(Stream inner) : Stream
    {
        private readonly byte[] _tail = new byte[GzipTrailer.Size];
        private int _tailLength;

        public long BytesRead { get; private set; }

        public ReadOnlySpan<byte> Tail => _tail.AsSpan(GzipTrailer.Size - _tailLength);

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Remember(buffer[..read]);
            return read;
        }

        private void Remember(ReadOnlySpan<byte> data)
        {
            BytesRead += data.Length;
            if (data.Length >= GzipTrailer.Size)
            {
                data[^GzipTrailer.Size..].CopyTo(_tail);
                _tailLength = GzipTrailer.Size;
                return;
            }
            // Shift the kept bytes left and append the new ones at the end.
            _tail.AsSpan(data.Length).CopyTo(_tail);
            data.CopyTo(_tail.AsSpan(GzipTrailer.Size - data.Length));
            _tailLength = Math.Min(GzipTrailer.Size, _tailLength + data.Length);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
