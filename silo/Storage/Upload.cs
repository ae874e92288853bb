using IceWatch.Grains.Parsing;

namespace IceWatch.Silo;

/// <summary>Body = the bytes as received (maybe gzip); ContentSha256 = SHA-256 of the decompressed content.</summary>
public sealed record Upload(Guid TenantId, string SessionId, string Region, UploadFormat Format, ReadOnlyMemory<byte> Body, byte[] ContentSha256);
