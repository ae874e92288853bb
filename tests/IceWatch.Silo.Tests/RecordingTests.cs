using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;
using IceWatch.Testing;
using Xunit.Abstractions;
using SessionOptions = IceWatch.Grains.Sessions.SessionOptions;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RecordingTests(PostgresFixture postgres, ITestOutputHelper output)
{
    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in Directory.GetDirectories(RepoPaths.Recordings).Order(StringComparer.Ordinal))
            foreach (var file in new[] { "sdk-report.json", "webrtc-internals.json", "rtcstats.txt" })
                if (File.Exists(Path.Combine(scenario, file))) data.Add(Path.Combine(Path.GetFileName(scenario), file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task A_real_recording_is_stored_with_the_verdicts_the_session_grain_gives_it(string recording)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Recordings, recording));
        await using var storage = await Storage.CreateAsync(postgres, "recording");
        var tenant = await storage.Tenants.EnsureTenantAsync("lab", CancellationToken.None);
        var format = UploadReader.Detect(bytes);
        await storage.Inbox.AcceptAsync(new Upload(tenant.Id, "rec-1", "lab", format, bytes, SHA256.HashData(bytes)), CancellationToken.None);

        var clock = Stopwatch.StartNew();
        Assert.Equal(1, await storage.DrainAsync());
        output.WriteLine($"{recording}: {bytes.Length / 1024} KiB processed in {clock.ElapsedMilliseconds} ms");

        var offline = new SessionGrain(new SessionState { SessionId = "rec-1" }, SessionOptions.Default);
        offline.Apply(UploadReader.Read(new MemoryStream(bytes)), DateTimeOffset.UtcNow);
        var expected = offline.Evaluate(DateTimeOffset.UtcNow);
        var stored = (await storage.Sessions.GetAsync(tenant.Id, "rec-1", CancellationToken.None))!.PeerConnections;
        Assert.NotEmpty(expected);
        Assert.Equal(Summaries(expected), Summaries(stored));
        Assert.Null(await storage.ScalarAsync<string?>("SELECT last_error FROM uploads"));
        var final = expected.Count(v => v.Outcome != "pending");
        Assert.Equal((long)final, await storage.RegionPeerConnectionsAsync());
    }

    private static List<string> Summaries(IEnumerable<Grains.Verdicts.Verdict> verdicts) =>
        verdicts.Select(v => JsonSerializer.Serialize(new { v.PeerConnectionId, v.Outcome, v.Category, v.SelectedPair, v.BytesRelayed, v.BytesDirect, v.StartedAt }, GrainJson.Options))
            .Order(StringComparer.Ordinal).ToList();
}
