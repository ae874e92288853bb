using System.Net;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RateLimitTests(SecurityApiFixture api) : IClassFixture<SecurityApiFixture>
{
    [Fact]
    public async Task A_tenant_past_its_burst_gets_429_with_retry_after_while_another_tenant_is_served()
    {
        var noisy = await api.TenantClientAsync("noisy");
        var quiet = await api.TenantClientAsync("quiet");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < SecurityApiFixture.Burst + 3; i++)
            answers.Add(await noisy.GetAsync("/v1/sessions/none"));

        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.NotFound) <= SecurityApiFixture.Burst + 1);
        await ProblemAssert.IsProblemAsync(limited[0], HttpStatusCode.TooManyRequests, "retry after");
        Assert.True(limited[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.NotFound, (await quiet.GetAsync("/v1/sessions/none")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.NotFound, (await noisy.GetAsync("/v1/sessions/none")).StatusCode);
    }
}
