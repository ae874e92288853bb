using IceWatch.Grains.Parsing;

namespace IceWatch.IngestApi.Uploads;

/// <summary>What validation found in an upload, and the SHA-256 of its decompressed content.</summary>
public sealed record InspectedContent(UploadSummary Summary, byte[] ContentSha256, long DecompressedBytes);
