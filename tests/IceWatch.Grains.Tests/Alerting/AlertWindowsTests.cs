using IceWatch.Grains.Alerting;

namespace IceWatch.Grains.Tests.Alerting;

public sealed class AlertWindowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 7, 30, TimeSpan.Zero);

    private static ClientMinuteCount M(int minute, string outcome, string category, long n) =>
        new(new DateTimeOffset(2026, 11, 1, 12, minute, 0, TimeSpan.Zero), $"s:{minute}-{outcome}-{category}", outcome, category, n);

    [Fact]
    public void Connection_lost_and_dtls_failed_count_as_volume_but_never_as_ice_failures()
    {
        var counts = AlertWindows.Count(TimeSpan.FromMinutes(5),
        [
            M(5, "connected", "", 90), M(5, "connected", "connection_lost", 4), M(5, "failed", "dtls_failed", 3),
            M(6, "failed", "turn_auth_failed", 2), M(6, "failed", "", 1), M(6, "pending", "", 50),
        ]);

        Assert.Equal(100, counts.PeerConnections);
        Assert.Equal(3, counts.Failed);
        Assert.Equal(new Dictionary<string, long> { ["turn_auth_failed"] = 2, ["unknown"] = 1 }, counts.FailedByCategory);
    }

    [Fact]
    public void A_window_reads_whole_minutes_from_the_one_containing_its_start()
    {
        var minutes = new[] { M(1, "failed", "turn_unreachable", 1), M(2, "failed", "turn_unreachable", 10), M(7, "connected", "", 10) };

        var windows = AlertWindows.Count([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1)], minutes, Now);

        Assert.Equal(20, windows[0].PeerConnections);
        Assert.Equal(10, windows[0].Failed);
        Assert.Equal(10, windows[1].PeerConnections);
        Assert.Equal(0, windows[1].Failed);
    }
}
