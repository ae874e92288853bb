using System.Net;
using System.Text;
using Npgsql;

namespace IceWatch.Api.Tests;

/// <summary>With the defaults, no candidate address reaches stored state or verdicts, and the raw body goes once processed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AddressPrivacyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Addresses_are_obfuscated_in_state_and_the_raw_body_is_dropped_but_duplicates_are_still_recognised()
    {
        var client = await api.TenantClientAsync("private");
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Payloads.SdkReport("private-call")).Replace("abc.local", "203.0.113.77"));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/reports", Payloads.Body(body))).StatusCode);
        var session = await TenantIsolationTests.WaitAsync(client, "/v1/sessions/private-call", s => s.GetProperty("pendingUploads").GetInt32() == 0);
        Assert.DoesNotContain("203.0.113.77", session.GetRawText());

        await using var db = NpgsqlDataSource.Create(api.ConnectionString);
        var state = (string)(await db.CreateCommand("SELECT state::text FROM sessions WHERE session_id = 'private-call'").ExecuteScalarAsync())!;
        Assert.DoesNotContain("203.0.113.77", state);
        Assert.True(state.Contains("203.0.113.0/24#", StringComparison.Ordinal), state);
        Assert.Contains("\"addressFamily\": \"ipv4\"", state);
        var verdicts = (string)(await db.CreateCommand("SELECT string_agg(verdict::text, ',') FROM verdicts WHERE session_id = 'private-call'").ExecuteScalarAsync())!;
        Assert.DoesNotContain("203.0.113.77", verdicts);
        var bodyLength = (int)(await db.CreateCommand("SELECT octet_length(body) FROM uploads WHERE session_id = 'private-call' AND body_dropped_at IS NOT NULL").ExecuteScalarAsync())!;
        Assert.Equal(0, bodyLength);

        var again = await client.PostAsync("/v1/reports", Payloads.Body(body));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Contains("\"duplicate\":true", await again.Content.ReadAsStringAsync());
    }
}
