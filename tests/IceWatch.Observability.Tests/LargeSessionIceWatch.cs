using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IceWatch.Testing;

namespace IceWatch.Observability.Tests;

/// <summary>
/// A second running IceWatch holding one large session: a webrtc-internals dump whose peer
/// connections are copies of two real Chromium recordings' (300 calls that failed TURN
/// authentication, 24 relayed over TLS), uploaded and processed through the real path. Its own
/// database keeps the seeded IceWatch's numbers as they are.
/// </summary>
public sealed class LargeSessionIceWatch : IAsyncLifetime
{
    public const string ApiKey = "large-session-test-key-0123456789";
    public const string SessionId = "town-hall";
    public const int Failed = 300, Connected = 24;

    private PostgresCluster? _cluster;
    private IceWatchProcess? _process;

    public string BaseUrl => _process?.BaseUrl ?? throw new InvalidOperationException("IceWatch is not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        _cluster = await PostgresCluster.StartAsync(ct);
        _process = IceWatchProcess.Start(new Dictionary<string, string>
        {
            ["ICEWATCH_DATABASE"] = await _cluster.CreateDatabaseAsync("large", ct),
            ["ICEWATCH_BOOTSTRAP_API_KEY"] = ApiKey,
            ["ICEWATCH_POLL_INTERVAL_MS"] = "50",
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        await _process.WaitHealthyAsync(http, ct);

        var upload = await http.PostAsync($"{BaseUrl}/v1/dumps?session={SessionId}&region=eu-west", new ByteArrayContent(Dump()), ct);
        if (!upload.IsSuccessStatusCode) throw new InvalidOperationException($"upload: {upload.StatusCode} {await upload.Content.ReadAsStringAsync(ct)}");
        while (true)
        {
            var session = await http.GetFromJsonAsync<JsonElement>($"{BaseUrl}/v1/sessions/{SessionId}", ct);
            if (session.GetProperty("pendingUploads").GetInt32() == 0 && session.GetProperty("peerConnections").GetArrayLength() == Failed + Connected) return;
            await Task.Delay(250, ct);
        }
    }

    /// <summary>The failing recording's dump with its two peer connections copied under new ids, plus copies of the TLS relay's.</summary>
    private static byte[] Dump()
    {
        var dump = JsonNode.Parse(File.ReadAllText(RepoPaths.Recording("turn-wrong-password", "webrtc-internals.json")))!.AsObject();
        var failing = dump["PeerConnections"]!.AsObject().Select(p => p.Value!).ToList();
        var relayedDump = JsonNode.Parse(File.ReadAllText(RepoPaths.Recording("turn-tls-relay", "webrtc-internals.json")))!;
        var relayed = relayedDump["PeerConnections"]!.AsObject().Select(p => p.Value!).ToList();
        // Dumped after both recordings, as one dump of a browser that made all these calls would be.
        dump["timestamp"] = Math.Max(dump["timestamp"]!.GetValue<double>(), relayedDump["timestamp"]!.GetValue<double>());
        var copies = new JsonObject();
        for (var n = 0; n < Failed; n++) copies[$"{7000 + n / 2}-{n % 2 + 1}"] = failing[n % 2].DeepClone();
        for (var n = 0; n < Connected; n++) copies[$"{9000 + n / 2}-{n % 2 + 1}"] = relayed[n % 2].DeepClone();
        dump["PeerConnections"] = copies;
        return JsonSerializer.SerializeToUtf8Bytes(dump);
    }

    public async Task DisposeAsync()
    {
        _process?.Dispose();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
