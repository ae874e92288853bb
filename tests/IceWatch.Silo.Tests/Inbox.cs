namespace IceWatch.Silo.Tests;

/// <summary>A generated inbox of SDK uploads with the totals exactly-once processing must arrive at.</summary>
internal sealed record Inbox(int Uploads, long PeerConnections, long Connected, long Failed, long BytesRelayed)
{
    /// <summary>
    /// Sessions × uploads × peer connections, a quarter of them failing; every upload after the first
    /// also repeats the previous upload's first report, as an SDK retry would.
    /// </summary>
    public static async Task<Inbox> FillAsync(Storage storage, Guid tenantId, int sessions, int uploadsPerSession, int peerConnectionsPerUpload)
    {
        long connected = 0, failed = 0, bytes = 0;
        var t = SdkReports.Recent;
        var uploads = new List<Upload>();
        for (var s = 0; s < sessions; s++)
        {
            var sessionId = $"call-{s}";
            for (var u = 0; u < uploadsPerSession; u++)
            {
                var reports = new List<object>();
                for (var p = 0; p < peerConnectionsPerUpload; p++)
                {
                    var id = $"pc-{u}-{p}";
                    if ((s + u + p) % 4 == 0)
                    {
                        reports.Add(SdkReports.Failed(id, t + p));
                        failed++;
                    }
                    else
                    {
                        var moved = 1000 + s + p;
                        reports.Add(SdkReports.Connected(id, t + p, bytes: moved));
                        connected++;
                        bytes += moved;
                    }
                }
                if (u > 0) reports.Add(Previous(s, u - 1, t));
                uploads.Add(SdkReports.Upload(tenantId, sessionId, "eu-west", SdkReports.Document(sessionId, "eu-west", [.. reports]), gzip: u % 2 == 0));
            }
        }
        await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (upload, ct) => await storage.Inbox.AcceptAsync(upload, ct));
        return new Inbox(uploads.Count, connected + failed, connected, failed, bytes);
    }

    private static object Previous(int s, int u, long t) =>
        (s + u) % 4 == 0 ? SdkReports.Failed($"pc-{u}-0", t) : SdkReports.Connected($"pc-{u}-0", t, bytes: 1000 + s);

    public async Task AssertProcessedExactlyAsync(Storage storage, Guid tenantId)
    {
        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE processed_at IS NULL"));
        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE last_error IS NOT NULL OR attempts <> 0"));
        Assert.Equal((long)Uploads, await storage.ScalarAsync<long>("SELECT count(*) FROM uploads"));
        Assert.Equal(PeerConnections, await storage.ScalarAsync<long>("SELECT count(*) FROM verdicts"));
        Assert.Equal(PeerConnections, await storage.RegionPeerConnectionsAsync());
        var stats = await storage.Regions.GetStatsAsync(tenantId, "eu-west", TimeSpan.FromHours(1), CancellationToken.None);
        Assert.NotNull(stats);
        Assert.Equal((PeerConnections, Connected, Failed, BytesRelayed), (stats.PeerConnections, stats.Connected, stats.Failed, stats.BytesRelayed));
    }
}
