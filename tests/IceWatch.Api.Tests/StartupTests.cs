using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IceWatch.Testing;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class StartupTests(PostgresFixture postgres)
{
    private const string BootstrapKey = "bootstrap-key-for-startup-tests";

    [Fact]
    public async Task The_bootstrap_key_works_and_adding_it_again_on_restart_is_harmless()
    {
        var database = await postgres.CreateDatabaseAsync($"boot_{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?> { ["ICEWATCH_DATABASE"] = database, ["ICEWATCH_BOOTSTRAP_API_KEY"] = BootstrapKey };

        for (var start = 0; start < 2; start++)
        {
            await using var factory = new IngestApiFactory(settings);
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", BootstrapKey);
            var response = await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport($"boot-{start}")));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    [Fact]
    public async Task In_the_ingest_role_uploads_are_accepted_but_left_for_a_silo_to_process()
    {
        var database = await postgres.CreateDatabaseAsync($"role_{Guid.NewGuid():N}");
        await using var factory = new IngestApiFactory(new Dictionary<string, string?>
        {
            ["ICEWATCH_DATABASE"] = database, ["ICEWATCH_BOOTSTRAP_API_KEY"] = BootstrapKey, ["ICEWATCH_ROLE"] = "ingest",
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", BootstrapKey);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("role-call")))).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var session = await client.GetFromJsonAsync<JsonElement>("/v1/sessions/role-call");
        Assert.Equal(1, session.GetProperty("pendingUploads").GetInt32());
        Assert.Equal(0, session.GetProperty("peerConnections").GetArrayLength());
    }

    [Fact]
    public async Task The_create_key_verb_prints_a_key_that_the_api_accepts()
    {
        var database = await postgres.CreateDatabaseAsync($"verb_{Guid.NewGuid():N}");
        var info = new ProcessStartInfo("dotnet", ["IceWatch.IngestApi.dll", "create-key", "verb-tenant"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ICEWATCH_DATABASE"] = database },
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
        var key = output.Trim();
        Assert.False(string.IsNullOrEmpty(key));

        await using var factory = new IngestApiFactory(new Dictionary<string, string?> { ["ICEWATCH_DATABASE"] = database });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/sessions/none")).StatusCode);
    }
}
