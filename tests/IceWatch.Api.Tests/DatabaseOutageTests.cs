using System.Net;
using IceWatch.Testing;
using Npgsql;

namespace IceWatch.Api.Tests;

/// <summary>Reaches PostgreSQL through a relay it can cut, so the database disappears under a running API.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task When_PostgreSQL_goes_away_requests_answer_503_with_retry_after_instead_of_500()
    {
        var direct = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync($"outage_{Guid.NewGuid():N}"));
        await using var relay = new TcpRelay(direct.Host!, direct.Port);
        var viaRelay = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 3 };
        await using var factory = new IngestApiFactory(new Dictionary<string, string?>
        {
            ["ICEWATCH_DATABASE"] = viaRelay.ConnectionString,
            ["ICEWATCH_ROLE"] = "ingest",
            ["ICEWATCH_BOOTSTRAP_API_KEY"] = "outage-test-key-0123456789",
            ["ICEWATCH_RETRY_AFTER_SECONDS"] = "7",
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "outage-test-key-0123456789");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted,
            (await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("before-outage")))).StatusCode);

        await relay.CutAsync();

        var upload = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("during-outage")));
        await ProblemAssert.IsProblemAsync(upload, HttpStatusCode.ServiceUnavailable, "database");
        Assert.Equal(TimeSpan.FromSeconds(7), upload.Headers.RetryAfter?.Delta);
        var read = await client.GetAsync("/v1/sessions/before-outage");
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.ServiceUnavailable, "database");
        var health = await client.GetAsync("/healthz");
        await ProblemAssert.IsProblemAsync(health, HttpStatusCode.ServiceUnavailable, "database");
        Assert.NotNull(health.Headers.RetryAfter);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // past the readiness cache
        var ready = await client.GetAsync("/readyz");
        await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable, "database");
        Assert.Equal(TimeSpan.FromSeconds(7), ready.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/livez")).StatusCode);
    }
}
