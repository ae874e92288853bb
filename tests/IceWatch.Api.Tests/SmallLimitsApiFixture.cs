using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>The API with limits small enough to exceed cheaply in a test: bytes, peer connections per upload and per session.</summary>
public sealed class SmallLimitsApiFixture(PostgresFixture postgres) : ApiFixture(postgres)
{
    public const int MaxRequestBodyBytes = 64 * 1024;
    public const int MaxDecompressedBytes = 1024 * 1024;
    public const int MaxUploadPeerConnections = 3;
    public const int MaxSessionPeerConnections = 4;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("ICEWATCH_MAX_REQUEST_BODY_BYTES", MaxRequestBodyBytes.ToString()),
        new("ICEWATCH_MAX_DECOMPRESSED_BYTES", MaxDecompressedBytes.ToString()),
        new("ICEWATCH_MAX_UPLOAD_PEER_CONNECTIONS", MaxUploadPeerConnections.ToString()),
        new("ICEWATCH_MAX_SESSION_PEER_CONNECTIONS", MaxSessionPeerConnections.ToString()),
    ];
}
