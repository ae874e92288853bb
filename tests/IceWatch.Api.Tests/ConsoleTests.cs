using System.Net;
using System.Net.Sockets;
using IceWatch.Testing;

namespace IceWatch.Api.Tests;

/// <summary>What a person sees in the terminal: start-up failures as one line and an exit status, and one line per request.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConsoleTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("ICEWATCH_BOOTSTRAP_API_KEY", "dev-key", "icewatch: configuration error: ICEWATCH_BOOTSTRAP_API_KEY must be at least 16 characters.")]
    [InlineData("ICEWATCH_STALL_DEADLINE_SECONDS", "soon", "icewatch: configuration error: ICEWATCH_STALL_DEADLINE_SECONDS must be a number, not 'soon'.")]
    [InlineData("ICEWATCH_ACCEPT_CONNECTIONS", "0", "icewatch: configuration error: ICEWATCH_ACCEPT_CONNECTIONS must be between 1 and 1000, not 0.")]
    [InlineData("ICEWATCH_ROLE", "everything", "icewatch: configuration error: Role (ICEWATCH_ROLE) must be 'all', 'ingest' or 'silo', got 'everything'.")]
    [InlineData("ICEWATCH_MAX_DECOMPRESSED_BYTES", "1000",
        "icewatch: configuration error: MaxDecompressedBytes (1000) must not be below MaxRequestBodyBytes (83886080).")]
    [InlineData("ICEWATCH_MAX_REQUEST_BODY_BYTES", "lots", "icewatch: configuration error: ICEWATCH_MAX_REQUEST_BODY_BYTES must be a whole number, got 'lots'.")]
    public async Task A_bad_setting_ends_start_up_with_one_line_saying_what_to_change_and_exit_78(string name, string value, string line)
    {
        var database = await postgres.CreateDatabaseAsync($"cfg_{Guid.NewGuid():N}");
        await using var api = ApiProcess.Start(new Dictionary<string, string> { ["ICEWATCH_DATABASE"] = database, [name] = value, ["ASPNETCORE_URLS"] = Url() });

        Assert.Equal(78, await api.ExitAsync(Patience));
        Assert.Equal(line, api.Output.Trim());
    }

    [Fact]
    public async Task No_database_setting_ends_start_up_with_one_line_and_exit_78()
    {
        await using var api = ApiProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = Url() });

        Assert.Equal(78, await api.ExitAsync(Patience));
        Assert.Equal("icewatch: configuration error: Set ICEWATCH_DATABASE (or IceWatch:Database) to a PostgreSQL connection string.", api.Output.Trim());
    }

    [Fact]
    public async Task An_unreachable_database_is_waited_for_with_one_line_while_probes_say_alive_and_not_ready()
    {
        var nothingThere = FreePorts.Next();
        var url = Url();
        await using var api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["ICEWATCH_DATABASE"] = $"Host=127.0.0.1;Port={nothingThere};Username=icewatch;Timeout=2", ["ASPNETCORE_URLS"] = url,
        });

        await api.WaitForOutputAsync("IceWatch starts and waits for it", Patience);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, await StatusWithinAsync(http, $"{url}/livez"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusWithinAsync(http, $"{url}/readyz"));
        Assert.Contains($"warn: IceWatch.IngestApi[0] PostgreSQL does not answer yet (Failed to connect to 127.0.0.1:{nothingThere}); IceWatch starts and waits for it",
            api.Output);
        Assert.Null(api.ExitCode);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_ends_start_up_with_one_line_and_exit_1()
    {
        var database = await postgres.CreateDatabaseAsync($"gone_{Guid.NewGuid():N}");
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(database) { Database = "no_such_database" }.ConnectionString;
        await using var api = ApiProcess.Start(new Dictionary<string, string> { ["ICEWATCH_DATABASE"] = missing, ["ASPNETCORE_URLS"] = Url() });

        Assert.Equal(1, await api.ExitAsync(Patience));
        Assert.Equal("icewatch: cannot use the database in ICEWATCH_DATABASE: 3D000: database \"no_such_database\" does not exist", api.Output.Trim());
    }

    private static async Task<HttpStatusCode> StatusWithinAsync(HttpClient http, string url)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return (await http.GetAsync(url)).StatusCode;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    [Fact]
    public async Task A_port_in_use_ends_start_up_with_one_line_naming_the_address_and_exit_1()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)squatter.LocalEndpoint).Port}";
        var database = await postgres.CreateDatabaseAsync($"port_{Guid.NewGuid():N}");
        await using var api = ApiProcess.Start(new Dictionary<string, string> { ["ICEWATCH_DATABASE"] = database, ["ASPNETCORE_URLS"] = url });

        Assert.Equal(1, await api.ExitAsync(Patience));
        Assert.Equal($"icewatch: Failed to bind to address {url}: address already in use: another process uses that port; "
            + "stop it or set ASPNETCORE_URLS to another address", api.Output.Trim());
    }

    [Fact]
    public async Task A_running_api_logs_one_line_per_request_and_nothing_from_the_framework_at_information()
    {
        var database = await postgres.CreateDatabaseAsync($"log_{Guid.NewGuid():N}");
        var url = Url();
        await using var api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["ICEWATCH_DATABASE"] = database, ["ASPNETCORE_URLS"] = url, ["ICEWATCH_BOOTSTRAP_API_KEY"] = "console-test-key-0123456789",
        });
        await api.WaitForOutputAsync("IceWatch is ready on", Patience);
        var before = api.Output;

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", "console-test-key-0123456789");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{url}/v1/sessions/no-such-call?key=secret-in-query")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{url}/healthz")).StatusCode);
        await api.WaitForOutputAsync("GET /v1/sessions/no-such-call 404", Patience);
        await Task.Delay(500);

        var during = api.Output[before.Length..].Trim().Split('\n');
        var line = Assert.Single(during);
        Assert.Matches(@"^\d\d:\d\d:\d\d info: IceWatch.Requests\[1\] GET /v1/sessions/no-such-call 404 in [\d.]+ ms, 0 bytes in$", line);
        Assert.DoesNotContain("secret-in-query", api.Output);
        Assert.DoesNotContain(api.Output.Split('\n'), l => l.Contains(" info: Microsoft", StringComparison.Ordinal));
        Assert.All(api.Output.Trim().Split('\n'), l => Assert.Matches(@"^\d\d:\d\d:\d\d (info|warn): ", l));
    }

    private static string Url() => $"http://127.0.0.1:{FreePorts.Next()}";
}
