using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>The API with SDK reports allowed from one web origin only.</summary>
public sealed class RestrictedOriginsApiFixture(PostgresFixture postgres) : ApiFixture(postgres)
{
    public const string AppOrigin = "https://app.example.com";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("ICEWATCH_SDK_ORIGINS", AppOrigin)];
}
