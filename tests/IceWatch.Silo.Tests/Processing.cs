namespace IceWatch.Silo.Tests;

internal static class Processing
{
    /// <summary>Processes sessions until none has unprocessed uploads; returns how many transactions committed.</summary>
    public static async Task<int> DrainAsync(this Storage storage)
    {
        var processor = storage.Get<SessionProcessor>();
        var sessions = 0;
        while (await processor.ProcessPendingUploadsAsync(CancellationToken.None)) sessions++;
        return sessions;
    }

    public static Task<long> RegionPeerConnectionsAsync(this Storage storage) =>
        storage.ScalarAsync<long>("SELECT coalesce(sum(peer_connections), 0)::bigint FROM region_minutes");
}
