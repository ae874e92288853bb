using System.Net;
using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>Runs its own PostgreSQL so it can stop it under a running API.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task When_PostgreSQL_stops_requests_answer_503_with_retry_after_instead_of_500()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var cluster = await PostgresCluster.StartAsync(timeout.Token);
        var connectionString = await cluster.CreateDatabaseAsync("outage", timeout.Token);
        await using var factory = new IngestApiFactory(new Dictionary<string, string?>
        {
            ["ICEWATCH_DATABASE"] = connectionString,
            ["ICEWATCH_ROLE"] = "ingest",
            ["ICEWATCH_BOOTSTRAP_API_KEY"] = "outage-test-key-0123456789",
            ["ICEWATCH_RETRY_AFTER_SECONDS"] = "7",
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "outage-test-key-0123456789");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted,
            (await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("before-outage")))).StatusCode);

        await cluster.DisposeAsync();

        var upload = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("during-outage")));
        await ProblemAssert.IsProblemAsync(upload, HttpStatusCode.ServiceUnavailable, "database");
        Assert.Equal(TimeSpan.FromSeconds(7), upload.Headers.RetryAfter?.Delta);
        var health = await client.GetAsync("/healthz");
        await ProblemAssert.IsProblemAsync(health, HttpStatusCode.ServiceUnavailable, "database");
        Assert.NotNull(health.Headers.RetryAfter);
    }
}
