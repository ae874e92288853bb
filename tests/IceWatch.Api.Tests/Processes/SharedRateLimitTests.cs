using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IceWatch.Testing;
using Xunit.Abstractions;

namespace IceWatch.Api.Tests;

/// <summary>
/// Two separate API processes on one database: a publishable key's limits, per key and per client
/// network, hold across both, because the buckets live in PostgreSQL rather than in either process.
/// The processes trust 127.0.0.1 as their proxy, so X-Forwarded-For names the client.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedRateLimitTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const string AdminKey = "instance-admin-key-for-limit-tests-01";
    private const double KeyRate = 2;
    private const int KeyBurst = 8;
    private const int ClientBurst = 3;

    [Fact]
    public async Task A_publishable_keys_limits_per_key_and_per_client_hold_across_two_ingest_processes()
    {
        var database = await postgres.CreateDatabaseAsync($"limits_{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string>
        {
            ["ICEWATCH_DATABASE"] = database,
            ["ICEWATCH_ROLE"] = "ingest",
            ["ICEWATCH_ADMIN_KEY"] = AdminKey,
            ["ICEWATCH_RATE_LIMIT_PER_SECOND"] = "0",
            ["ICEWATCH_PUBLISHABLE_RATE_PER_SECOND"] = KeyRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ICEWATCH_PUBLISHABLE_BURST"] = KeyBurst.ToString(),
            ["ICEWATCH_CLIENT_RATE_PER_SECOND"] = "0.5",
            ["ICEWATCH_CLIENT_BURST"] = ClientBurst.ToString(),
            ["ICEWATCH_TRUSTED_PROXIES"] = "127.0.0.1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        await using var first = await IngestProcess.StartAsync(environment);
        await using var second = await IngestProcess.StartAsync(environment);
        using var http = new HttpClient();
        var nodes = new[] { first.Url, second.Url };

        // Per key: every request from a different network, alternating between the two processes.
        var key = await PublishableKeyAsync(http, first.Url, "limits-key");
        var clock = Stopwatch.StartNew();
        var answers = new List<(int Node, HttpStatusCode Status)>();
        for (var i = 0; i < 24; i++)
            answers.Add((i % 2, await PostAsync(http, nodes[i % 2], key, $"198.51.{i}.7", $"per-key-{i}")));
        var elapsed = clock.Elapsed.TotalSeconds;
        var accepted = answers.Count(a => a.Status == HttpStatusCode.Accepted);
        output.WriteLine($"per key: {accepted} of 24 accepted in {elapsed:F2} s over two processes (burst {KeyBurst}, {KeyRate}/s)");
        Assert.InRange(accepted, KeyBurst, KeyBurst + (int)Math.Ceiling(KeyRate * elapsed) + 1);
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests, a.ToString()));
        Assert.Contains(answers, a => a.Node == 0 && a.Status == HttpStatusCode.TooManyRequests);
        Assert.Contains(answers, a => a.Node == 1 && a.Status == HttpStatusCode.TooManyRequests);

        // Per client: one network, both processes; another network with the same key is still served.
        var other = await PublishableKeyAsync(http, second.Url, "limits-client");
        var fromOne = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) fromOne.Add(await PostAsync(http, nodes[i % 2], other, "203.0.113.9", $"per-client-{i}"));
        output.WriteLine($"per client: {string.Join(",", fromOne.Select(s => (int)s))}");
        Assert.Equal(ClientBurst, fromOne.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(http, first.Url, other, "192.0.2.55", "per-client-elsewhere"));

        var limited = await SendAsync(http, second.Url, other, "203.0.113.9", "per-client-last");
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "every IceWatch node");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    private static async Task<string> PublishableKeyAsync(HttpClient http, Uri node, string tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, $"/v1/admin/tenants/{tenant}/keys?kind=publishable"));
        request.Headers.Authorization = new("Bearer", AdminKey);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri node, string key, string client, string session) =>
        (await SendAsync(http, node, key, client, session)).StatusCode;

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, Uri node, string key, string client, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, $"/v1/reports?key={key}")) { Content = Payloads.Body(Payloads.SdkReport(session), "text/plain") };
        request.Headers.Add("X-Forwarded-For", client);
        return http.SendAsync(request);
    }
}
