using System.Buffers;

namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// Buffers for request bodies: small ones (SDK reports) from the shared pool, large ones (dumps) fresh,
/// so the pool never keeps tens of megabytes alive after a big upload.
/// </summary>
internal static class BodyBuffers
{
    public const int MaxPooled = 1024 * 1024;

    public static byte[] Get(int size) => size <= MaxPooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];

    public static void Return(byte[] buffer)
    {
        if (buffer.Length <= MaxPooled) ArrayPool<byte>.Shared.Return(buffer);
    }
}
