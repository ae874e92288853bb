using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>The API with the admin API on and a per-tenant rate limit small enough to hit in a test.</summary>
public sealed class SecurityApiFixture(PostgresFixture postgres) : ApiFixture(postgres)
{
    public const string AdminKey = "admin-key-for-tests-0123456789";
    public const int RatePerSecond = 1;
    public const int Burst = 3;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("ICEWATCH_ADMIN_KEY", AdminKey),
        new("ICEWATCH_RATE_LIMIT_PER_SECOND", RatePerSecond.ToString()),
        new("ICEWATCH_RATE_LIMIT_BURST", Burst.ToString()),
    ];
}
