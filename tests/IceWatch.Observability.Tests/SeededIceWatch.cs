using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IceWatch.Silo;
using IceWatch.Testing;
using Npgsql;

namespace IceWatch.Observability.Tests;

/// <summary>
/// A running IceWatch on a fresh database, exporting metrics to a local OTLP receiver, filled with
/// recorded calls of two tenants and three regions through the real upload and processing path.
/// </summary>
public sealed class SeededIceWatch : IAsyncLifetime
{
    public const string ApiKey = "observability-test-key-0123456789";
    public static readonly IReadOnlyList<SeedUpload> Uploads =
    [
        new("default", "eu-west", "eu-udp", "turn-udp-relay", "webrtc-internals.json", 2, 0),
        new("default", "eu-west", "eu-direct", "direct-host", "webrtc-internals.json", 2, 0),
        new("default", "eu-west", "eu-401", "turn-wrong-password", "webrtc-internals.json", 2, 2),
        new("default", "us-east", "us-tcp", "turn-tcp-relay", "webrtc-internals.json", 2, 0),
        new("default", "us-east", "us-tls", "turn-tls-relay", "webrtc-internals.json", 2, 0),
        new("default", "us-east", "us-direct", "direct-host", "rtcstats.txt", 2, 0),
        new("default", "ap-south", "ap-rest", "turn-rest-valid", "webrtc-internals.json", 2, 0),
        new("other", "eu-west", "other-401", "turn-wrong-password", "webrtc-internals.json", 2, 2),
    ];

    private PostgresCluster? _cluster;
    private OtlpReceiver? _receiver;
    private IceWatchProcess? _process;

    public string ConnectionString { get; private set; } = "";
    public Guid DefaultTenant { get; private set; }
    public Guid FiringIncident { get; private set; }
    public string OtherKey { get; private set; } = "";
    public string BaseUrl => Process.BaseUrl;
    internal IceWatchProcess Process => _process ?? throw new InvalidOperationException("IceWatch is not started.");
    internal OtlpReceiver Receiver => _receiver ?? throw new InvalidOperationException("The receiver is not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        _cluster = await PostgresCluster.StartAsync(ct);
        ConnectionString = await _cluster.CreateDatabaseAsync("observability", ct);
        _receiver = new OtlpReceiver();
        _process = IceWatchProcess.Start(new Dictionary<string, string>
        {
            ["ICEWATCH_DATABASE"] = ConnectionString,
            ["ICEWATCH_BOOTSTRAP_API_KEY"] = ApiKey,
            ["ICEWATCH_POLL_INTERVAL_MS"] = "50",
            ["ICEWATCH_STALL_DEADLINE_SECONDS"] = "5",
            ["ICEWATCH_METRICS_REFRESH_SECONDS"] = "0.5",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_SERVICE_NAME"] = "icewatch-under-test",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=test,service.namespace=icewatch",
        });
        using var http = new HttpClient();
        await _process.WaitHealthyAsync(http, ct);

        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        var tenants = new TenantStore(dataSource);
        DefaultTenant = (await tenants.EnsureTenantAsync("default", ct)).Id;
        OtherKey = await tenants.CreateApiKeyAsync((await tenants.EnsureTenantAsync("other", ct)).Id, "test", ct);

        foreach (var upload in Uploads) await UploadAsync(http, upload, ct);
        foreach (var upload in Uploads) await WaitFinalAsync(http, upload, ct);
        FiringIncident = await AlertIncidentsTable.SeedAsync(dataSource, DefaultTenant, BaseUrl, ct);
    }

    public string KeyOf(string tenant) => tenant == "default" ? ApiKey : OtherKey;

    private async Task UploadAsync(HttpClient http, SeedUpload upload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/v1/dumps?session={upload.SessionId}&region={upload.Region}")
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(RepoPaths.Recording(upload.Scenario, upload.File), ct)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", KeyOf(upload.Tenant));
        var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"upload of {upload.SessionId}: {response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>Until every peer connection of the session has a final verdict (the stall deadline fails the silent ones).</summary>
    private async Task WaitFinalAsync(HttpClient http, SeedUpload upload, CancellationToken ct)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{BaseUrl}/v1/sessions/{upload.SessionId}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", KeyOf(upload.Tenant));
            var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                var session = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                var verdicts = session.GetProperty("peerConnections").EnumerateArray().ToList();
                if (session.GetProperty("pendingUploads").GetInt32() == 0 && verdicts.Count == upload.PeerConnections
                    && verdicts.All(v => v.GetProperty("outcome").GetString() != "pending")) return;
            }
            await Task.Delay(200, ct);
        }
    }

    public async Task DisposeAsync()
    {
        _process?.Dispose();
        _receiver?.Dispose();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
