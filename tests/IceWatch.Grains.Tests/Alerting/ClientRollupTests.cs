using IceWatch.Grains.Alerting;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Alerting;

public sealed class ClientRollupTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 1, 12, 3, 27, TimeSpan.Zero);
    private static readonly DateTimeOffset Minute = new(2026, 11, 1, 12, 3, 0, TimeSpan.Zero);

    private static Verdict V(string outcome, string? category = null, params string[] turnUrls) =>
        new() { PeerConnectionId = "pc-1", Outcome = outcome, Category = category, ReceivedAt = Received, TurnUrls = turnUrls };

    [Fact]
    public void A_verdict_becoming_final_counts_for_its_client_in_its_region_and_each_turn_url()
    {
        var deltas = ClientRollup.Diff(V(Outcomes.Pending), V(Outcomes.Failed, "turn_auth_failed", "turns:a:443", "turns:a:443", "turn:b:3478"),
            Received, "eu-west", "n:9f2c");

        Assert.Equal(
            [
                new ClientMinuteDelta(new("region", "eu-west", Minute, "n:9f2c", "failed", "turn_auth_failed"), 1),
                new ClientMinuteDelta(new("turn_url", "turns:a:443", Minute, "n:9f2c", "failed", "turn_auth_failed"), 1),
                new ClientMinuteDelta(new("turn_url", "turn:b:3478", Minute, "n:9f2c", "failed", "turn_auth_failed"), 1),
            ],
            deltas);
    }

    [Fact]
    public void A_verdict_that_changes_moves_its_count_and_an_unchanged_one_adds_nothing()
    {
        var moved = ClientRollup.Diff(V(Outcomes.Failed, "signaling_incomplete"), V(Outcomes.Connected), Received, "eu-west", ClientRollup.SessionClient("call-1"));
        var same = ClientRollup.Diff(V(Outcomes.Connected), V(Outcomes.Connected), Received, "eu-west", "s:call-1");

        Assert.Equal(2, moved.Count);
        Assert.Contains(new ClientMinuteDelta(new("region", "eu-west", Minute, "s:call-1", "failed", "signaling_incomplete"), -1), moved);
        Assert.Contains(new ClientMinuteDelta(new("region", "eu-west", Minute, "s:call-1", "connected", ""), 1), moved);
        Assert.Empty(same);
    }
}
