using IceWatch.Grains.Parsing;

namespace IceWatch.Silo;

/// <summary>
/// Body = the bytes as received (maybe gzip); ContentSha256 = SHA-256 of the decompressed content.
/// Client names the network a publishable-key upload came from; a new session keeps its first upload's
/// client, and a session without one counts as its own client in the paging rule.
/// </summary>
public sealed record Upload(Guid TenantId, string SessionId, string Region, UploadFormat Format, ReadOnlyMemory<byte> Body, byte[] ContentSha256)
{
    public string? Client { get; init; }
}
