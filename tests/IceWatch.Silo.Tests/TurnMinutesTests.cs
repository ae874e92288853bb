using System.Security.Cryptography;
using IceWatch.Grains.Parsing;
using IceWatch.Testing;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class TurnMinutesTests(PostgresFixture postgres)
{
    private const string TurnUdp = "turn:10.201.0.1:3478?transport=udp";

    private static async Task<Storage> ProcessAsync(PostgresFixture postgres, string name, string recording)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Recordings, recording));
        var storage = await Storage.CreateAsync(postgres, name);
        var tenant = await storage.Tenants.EnsureTenantAsync("lab", CancellationToken.None);
        await storage.Inbox.AcceptAsync(new Upload(tenant.Id, "s", "lab", UploadReader.Detect(bytes), bytes, SHA256.HashData(bytes)), CancellationToken.None);
        await storage.DrainAsync();
        return storage;
    }

    [Fact]
    public async Task A_relayed_call_counts_its_relay_allocations_and_bytes_under_its_turn_url()
    {
        await using var storage = await ProcessAsync(postgres, "turn_relay", "turn-udp-relay/webrtc-internals.json");

        Assert.Equal(2L, await storage.ScalarAsync<long>($"SELECT sum(relayed_via)::bigint FROM turn_minutes WHERE turn_url = '{TurnUdp}'"));
        Assert.Equal(
            await storage.ScalarAsync<long>("SELECT sum(bytes_relayed)::bigint FROM region_minutes"),
            await storage.ScalarAsync<long>("SELECT sum(bytes_relayed)::bigint FROM turn_minutes"));
        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT sum(auth_errors)::bigint FROM turn_minutes"));
    }

    [Fact]
    public async Task A_wrong_password_counts_failures_and_401s_against_its_turn_url()
    {
        await using var storage = await ProcessAsync(postgres, "turn_auth", "turn-wrong-password/rtcstats.txt");

        Assert.Equal(2L, await storage.ScalarAsync<long>(
            $"SELECT sum(peer_connections)::bigint FROM turn_minutes WHERE turn_url = '{TurnUdp}' AND outcome = 'failed' AND category = 'turn_auth_failed'"));
        Assert.True(await storage.ScalarAsync<long>("SELECT sum(auth_errors)::bigint FROM turn_minutes") >= 2);
        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT sum(relayed_via)::bigint FROM turn_minutes"));
    }
}
