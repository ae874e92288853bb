using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>The API with limits small enough to exceed cheaply in a test.</summary>
public sealed class SmallLimitsApiFixture(PostgresFixture postgres) : ApiFixture(postgres)
{
    public const int MaxRequestBodyBytes = 64 * 1024;
    public const int MaxDecompressedBytes = 1024 * 1024;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("ICEWATCH_MAX_REQUEST_BODY_BYTES", MaxRequestBodyBytes.ToString()),
        new("ICEWATCH_MAX_DECOMPRESSED_BYTES", MaxDecompressedBytes.ToString()),
    ];
}
