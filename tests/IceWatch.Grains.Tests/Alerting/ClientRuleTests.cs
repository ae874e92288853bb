using IceWatch.Grains.Alerting;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Alerting;

/// <summary>The paging rule's worked numbers (docs/alerting.md): the rate is over clients, so no single session or network moves it.</summary>
public sealed class ClientRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 4, 30, TimeSpan.Zero);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private static ClientMinuteCount Row(string client, string outcome, long peerConnections, string category = "", int minute = 3) =>
        new(new DateTimeOffset(2026, 11, 1, 12, minute, 0, TimeSpan.Zero), client, outcome, outcome == Outcomes.Failed && category == "" ? "turn_auth_failed" : category, peerConnections);

    private static IEnumerable<ClientMinuteCount> Healthy(int sessions) => Enumerable.Range(0, sessions).Select(i => Row($"s:ok-{i}", Outcomes.Connected, 1));

    private static AlertDecision Evaluate(IEnumerable<ClientMinuteCount> rows, AlertRule? rule = null) =>
        AlertEvaluator.Evaluate(rule ?? AlertRule.Default, AlertState.Ok, AlertWindows.Count([FiveMinutes], rows.ToList(), Now), Now);

    [Fact]
    public void One_session_of_1000_failed_peer_connections_beside_1000_healthy_sessions_is_one_failed_client_in_1001()
    {
        var rows = Healthy(1000).Append(Row("s:poison", Outcomes.Failed, 1000)).ToList();

        var window = AlertWindows.Count(FiveMinutes, rows);
        var decision = Evaluate(rows);

        Assert.Equal((2000L, 1000L, 1001L, 1L), (window.PeerConnections, window.Failed, window.Clients, window.FailedClients));
        Assert.Equal(0.000999, window.Rate!.Value, 6);  // by peer connections it would have been 50.00%
        Assert.Equal(AlertTransition.None, decision.Transition);
        Assert.Contains("failures from fewer than 2 clients never page", decision.Reason);
    }

    [Fact]
    public void A_session_that_counted_its_38693_empty_entries_as_failures_would_still_be_one_client()
    {
        var rows = Healthy(1000).Append(Row("s:garbage", Outcomes.Failed, 38_693, "signaling_incomplete"));

        var decision = Evaluate(rows);

        Assert.Equal(AlertTransition.None, decision.Transition);
        Assert.Contains("1 of 1001 clients saw ICE fail", decision.Reason);
    }

    [Fact]
    public void One_network_posting_many_failing_sessions_with_a_publishable_key_never_pages_even_under_the_loosest_rule()
    {
        var loose = AlertRule.Default with { Threshold = 0.0001, RecoveryThreshold = 0.0001, MinClients = 1, MinPeerConnections = 1 };
        var rows = Enumerable.Range(0, 50).Select(i => Row("n:attacker-network", Outcomes.Failed, 1, minute: i % 5));

        var decision = Evaluate(rows, loose);

        Assert.Equal(AlertTransition.None, decision.Transition);
        Assert.Contains("1 of 1 clients", decision.Reason);
    }

    [Fact]
    public void A_real_outage_of_20_percent_of_sessions_pages()
    {
        var rows = Healthy(800).Concat(Enumerable.Range(0, 200).Select(i => Row($"s:bad-{i}", Outcomes.Failed, 2)));

        var decision = Evaluate(rows);

        Assert.Equal(AlertTransition.Fired, decision.Transition);
        Assert.Equal(0.2, decision.State.PeakRate, 6);
        Assert.Contains("200 of 1000 clients saw ICE fail in 5 min (20.00%, threshold 1.00%); 400 of 1200 peer connections failed, Wilson lower bound 17.64%", decision.Reason);
    }

    [Theory]
    [InlineData(1, 20, false)]   // 5.00%, lower bound 0.89%, and one client alone never pages
    [InlineData(2, 20, true)]    // 10.00%, lower bound 2.79%
    [InlineData(11, 1011, false)] // 1.09%, lower bound 0.61%
    [InlineData(20, 1000, true)] // 2.00%, lower bound 1.30%
    public void The_threshold_and_wilson_bound_apply_to_clients(long failed, long clients, bool pages)
    {
        var rows = Healthy((int)(clients - failed)).Concat(Enumerable.Range(0, (int)failed).Select(i => Row($"s:f-{i}", Outcomes.Failed, 1)));

        Assert.Equal(pages ? AlertTransition.Fired : AlertTransition.None, Evaluate(rows).Transition);
    }

    [Fact]
    public void A_client_counts_once_in_a_window_and_as_failed_when_any_of_its_peer_connections_failed_ice()
    {
        var rows = new[]
        {
            Row("s:a", Outcomes.Connected, 3, minute: 1), Row("s:a", Outcomes.Failed, 1, minute: 2),
            Row("s:b", Outcomes.Connected, 2, minute: 1), Row("s:b", Outcomes.Failed, 1, "connection_lost", minute: 3),
            Row("s:c", Outcomes.Failed, 4, "no_turn_configured", minute: 4), Row("s:c", Outcomes.Failed, 0, "turn_unreachable", minute: 4),
            Row("s:d", "pending", 7, minute: 4),
        };

        var window = AlertWindows.Count(FiveMinutes, rows);

        Assert.Equal((3L, 2L), (window.Clients, window.FailedClients));
        Assert.Equal((11L, 5L), (window.PeerConnections, window.Failed));
        Assert.Equal(new Dictionary<string, long> { ["turn_auth_failed"] = 1, ["no_turn_configured"] = 1 }, window.FailedClientsByCategory);
    }

    [Fact]
    public void The_page_ranks_causes_by_the_clients_that_saw_them_not_by_one_sessions_peer_connections()
    {
        var rows = Healthy(100)
            .Append(Row("s:poison", Outcomes.Failed, 1000, "signaling_incomplete"))
            .Concat(Enumerable.Range(0, 9).Select(i => Row($"s:real-{i}", Outcomes.Failed, 1, "turn_auth_failed")));

        var causes = PageText.TopCauses(AlertWindows.Count(FiveMinutes, rows));

        Assert.Equal(("turn_auth_failed", 0.9), (causes[0].Category, causes[0].Share));
        Assert.Equal(("signaling_incomplete", 1000L), (causes[1].Category, causes[1].Failed));
    }
}
