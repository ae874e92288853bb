using System.Buffers.Binary;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// GZipStream ends quietly when its input stops short, so a cut-off upload would read as bad JSON.
/// gzip ends with 8 bytes, CRC-32 then the inflated length mod 2^32: when they do not match what
/// was inflated, the stream was cut. Asked only once the content has failed to read, so a valid
/// multi-member gzip (whose trailer counts its last member only) is never called cut off.
/// </summary>
public static class GzipTrailer
{
    public const int Size = 8;
    private const int SmallestMember = 18;

    public static bool IsCutOff(ReadOnlySpan<byte> lastBytes, long compressedLength, long inflatedLength) =>
        compressedLength < SmallestMember || lastBytes.Length < Size
        || BinaryPrimitives.ReadUInt32LittleEndian(lastBytes[^4..]) != (uint)inflatedLength;

    public static UploadFormatException CutOff(long compressedLength, string what) => new(
        $"the {what} is gzip data cut off after {compressedLength} bytes (gzip's end marker is missing): "
        + "the file was truncated or its transfer interrupted");
}
