using IceWatch.Grains.Regions;
using IceWatch.Grains.Tests.Classification;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Regions;

public sealed class RegionGrainTests
{
    private static readonly DateTimeOffset Start = EventScript.At(75);

    private static Verdict V(string outcome, string? category = null, long relayed = 0, string? local = null) => new()
    {
        PeerConnectionId = "pc",
        Outcome = outcome,
        Category = category,
        BytesRelayed = relayed,
        StartedAt = Start,
        SelectedPair = local is null ? null : new SelectedPair(local, "host", "udp", local == "relay" ? "udp" : null, null),
    };

    [Fact]
    public void A_pending_verdict_counts_nothing()
    {
        Assert.Empty(RegionGrain.Diff(null, V(Outcomes.Pending), Start));
    }

    [Fact]
    public void A_verdict_going_from_pending_to_failed_adds_one_failure_in_the_minute_it_started()
    {
        var delta = Assert.Single(RegionGrain.Diff(V(Outcomes.Pending), V(Outcomes.Failed, Categories.TurnAuthFailed), Start));

        Assert.Equal(1, delta.PeerConnections);
        Assert.Equal(EventScript.At(60), delta.Key.Minute);
        Assert.Equal(Categories.TurnAuthFailed, delta.Key.Category);
    }

    [Fact]
    public void A_verdict_that_changes_category_moves_its_count_instead_of_duplicating_it()
    {
        var deltas = RegionGrain.Diff(V(Outcomes.Failed, Categories.Unknown), V(Outcomes.Failed, Categories.TurnAuthFailed), Start);

        Assert.Equal(0, deltas.Sum(d => d.PeerConnections));
        Assert.Contains(deltas, d => d.Key.Category == Categories.Unknown && d.PeerConnections == -1);
        Assert.Contains(deltas, d => d.Key.Category == Categories.TurnAuthFailed && d.PeerConnections == 1);
    }

    [Fact]
    public void More_bytes_on_an_unchanged_verdict_add_only_the_difference()
    {
        var delta = Assert.Single(RegionGrain.Diff(V(Outcomes.Connected, relayed: 100, local: "relay"), V(Outcomes.Connected, relayed: 250, local: "relay"), Start));

        Assert.Equal((0L, 150L), (delta.PeerConnections, delta.BytesRelayed));
    }

    [Fact]
    public void The_failure_rate_leaves_out_connection_lost_and_dtls_failed_and_relayed_share_counts_connected_calls()
    {
        var rows = new[] { V(Outcomes.Connected, local: "relay"), V(Outcomes.Connected, local: "host"), V(Outcomes.Connected, Categories.ConnectionLost, local: "host"),
                           V(Outcomes.Connected, Categories.DtlsFailed, local: "host"), V(Outcomes.Failed, Categories.NoTurnConfigured) }
            .SelectMany(v => RegionGrain.Diff(null, v, Start));

        var stats = RegionGrain.Summarize("eu", "5m", Start, Start, rows);

        Assert.Equal((5L, 1L, 0.2), (stats.PeerConnections, stats.Failed, stats.FailureRate!.Value));
        Assert.Equal((1L, 1L), (stats.ConnectionLost, stats.DtlsFailed));
        Assert.Equal(0.25, stats.RelayedShare);
        Assert.Equal(Categories.ConnectionLost, stats.TopCategories[0].Category);
    }
}
