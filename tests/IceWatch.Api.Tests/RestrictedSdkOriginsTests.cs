namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RestrictedSdkOriginsTests(RestrictedOriginsApiFixture api) : IClassFixture<RestrictedOriginsApiFixture>
{
    [Fact]
    public async Task With_origins_configured_only_those_pages_may_post_reports()
    {
        var allowed = await api.Client().SendAsync(SdkCorsTests.Preflight(RestrictedOriginsApiFixture.AppOrigin));
        var other = await api.Client().SendAsync(SdkCorsTests.Preflight("https://elsewhere.example.net"));

        Assert.Equal(RestrictedOriginsApiFixture.AppOrigin, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
