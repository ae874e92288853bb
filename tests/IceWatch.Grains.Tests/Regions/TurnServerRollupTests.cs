using IceWatch.Grains.Regions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Regions;

public sealed class TurnServerRollupTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 12, 0, 30, TimeSpan.Zero);

    private static Verdict Failed(int unauthorized) => new()
    {
        PeerConnectionId = "pc",
        Outcome = Outcomes.Failed,
        Category = Categories.TurnAuthFailed,
        ReceivedAt = At,
        TurnUrls = ["turn:t.example.com:3478?transport=udp", "turns:t.example.com:443?transport=tcp"],
        TurnErrors = [new TurnUrlErrors("turn:t.example.com:3478?transport=udp", unauthorized, 0)],
    };

    [Fact]
    public void A_failed_verdict_counts_once_for_every_turn_url_it_configured_with_that_urls_errors()
    {
        var deltas = TurnServerRollup.Diff(null, Failed(2), At);

        Assert.Equal(2, deltas.Count);
        Assert.All(deltas, d => Assert.Equal((1L, Categories.TurnAuthFailed), (d.PeerConnections, d.Key.Category)));
        Assert.Equal(2, deltas.Single(d => d.Key.TurnUrl.StartsWith("turn:", StringComparison.Ordinal)).AuthErrors);
    }

    [Fact]
    public void A_relayed_call_is_counted_as_relayed_via_the_url_of_its_selected_relay_candidate()
    {
        var relayed = new Verdict
        {
            PeerConnectionId = "pc", Outcome = Outcomes.Connected, Relayed = true, BytesRelayed = 500, ReceivedAt = At,
            SelectedPair = new SelectedPair("relay", "relay", "udp", "tls", "turns:T.example.com:443?transport=tcp"),
            TurnUrls = ["turn:t.example.com:3478?transport=udp", "turns:t.example.com:443?transport=tcp"],
        };

        var via = TurnServerRollup.Diff(null, relayed, At).Where(d => d.RelayedVia == 1).ToList();

        Assert.Equal("turns:t.example.com:443?transport=tcp", Assert.Single(via).Key.TurnUrl);
        Assert.Equal(500, via[0].BytesRelayed);
    }

    [Fact]
    public void More_errors_on_an_unchanged_verdict_add_only_the_difference()
    {
        var delta = Assert.Single(TurnServerRollup.Diff(Failed(1), Failed(3), At));

        Assert.Equal((0L, 2L), (delta.PeerConnections, delta.AuthErrors));
    }
}
