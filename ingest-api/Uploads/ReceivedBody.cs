using System.Buffers;

namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// A request body as received, in a buffer that goes back to the shared pool on dispose when it came
/// from there; <see cref="Gzipped"/> by header or by its magic bytes.
/// </summary>
public sealed class ReceivedBody(byte[] rented, int length, bool gzipped, bool pooled = true) : IDisposable
{
    private byte[]? _rented = rented;

    public ReadOnlyMemory<byte> Bytes => new(_rented ?? throw new ObjectDisposedException(nameof(ReceivedBody)), 0, length);

    public bool Gzipped { get; } = gzipped;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } array && pooled) ArrayPool<byte>.Shared.Return(array);
    }
}
