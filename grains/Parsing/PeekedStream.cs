namespace IceWatch.Grains.Parsing;

/// <summary>
/// A read-only stream that gives the bytes already taken from another stream (to look at them)
/// before the rest of that stream, so a non-seekable upload can be sniffed and then read whole.
/// </summary>
public sealed class PeekedStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> head = head;

    /// <summary>Reads up to <paramref name="count"/> bytes from <paramref name="stream"/> and puts them back in front.</summary>
    public static PeekedStream Peek(Stream stream, int count, out ReadOnlyMemory<byte> peeked)
    {
        var buffer = new byte[count];
        var filled = 0;
        int read;
        while (filled < count && (read = stream.Read(buffer, filled, count - filled)) > 0)
        {
            filled += read;
        }

        peeked = buffer.AsMemory(0, filled);
        return new PeekedStream(peeked, stream);
    }

    /// <summary>Leaves out the first <paramref name="count"/> of the peeked bytes.</summary>
    public void SkipHead(int count) => head = head[Math.Min(count, head.Length)..];

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (head.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var n = Math.Min(buffer.Length, head.Length);
        head.Span[..n].CopyTo(buffer);
        head = head[n..];
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
