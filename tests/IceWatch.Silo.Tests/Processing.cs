using IceWatch.Grains.Cluster;

namespace IceWatch.Silo.Tests;

internal static class Processing
{
    /// <summary>
    /// Hands every session with unprocessed uploads to its grain, as the recovery sweep does, until none
    /// is left; returns how many sessions were handed over in all.
    /// </summary>
    public static async Task<int> DrainAsync(this Storage storage)
    {
        var grains = await storage.GrainsAsync();
        var sessions = new HashSet<(Guid, string)>();
        for (var round = 0; round < 20; round++)
        {
            var pending = await PendingSessionsAsync(storage);
            if (pending.Count == 0) return sessions.Count;
            foreach (var (tenant, session) in pending)
            {
                sessions.Add((tenant, session));
                try
                {
                    await grains.GetGrain<ISessionGrain>(tenant, session).CatchUpAsync();
                }
                catch (Exception) when (round < 19)
                {
                    // A failed step counts against its uploads; the next round tries again or sets them aside.
                }
            }
        }
        throw new TimeoutException("uploads still unprocessed after 20 rounds");
    }

    public static Task<long> RegionPeerConnectionsAsync(this Storage storage) =>
        storage.ScalarAsync<long>("SELECT coalesce(sum(peer_connections), 0)::bigint FROM region_minutes");

    private static async Task<List<(Guid, string)>> PendingSessionsAsync(Storage storage)
    {
        await using var command = storage.DataSource.CreateCommand(
            "SELECT DISTINCT tenant_id, session_id FROM uploads WHERE processed_at IS NULL ORDER BY 1, 2");
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<(Guid, string)>();
        while (await reader.ReadAsync()) list.Add((reader.GetGuid(0), reader.GetString(1)));
        return list;
    }
}
