using IceWatch.Grains.Events;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Classification;

/// <summary>Connections that worked and then lost their path, recovered, or failed DTLS.</summary>
public sealed class LostConnectionTests
{
    private const string TurnUdp = "turn:turn.example.com:3478?transport=udp";

    private static EventScript Connected() => new EventScript().CreatedWithPolicy("relay", TurnUdp).Negotiated()
        .Ice("checking", 0.1).Connection("connecting", 0.1).Ice("connected", 0.3).Connection("connected", 0.35)
        .Stats(1, "T01", "transport", ("selectedCandidatePairId", "CP1"), ("iceState", "connected"), ("dtlsState", "connected"));

    [Fact]
    public void Firefox_failing_dtls_after_ice_failed_is_a_lost_connection_not_a_dtls_failure()
    {
        var v = Connected().Ice("disconnected", 14.7).Connection("disconnected", 14.7).Ice("failed", 37.9).Connection("failed", 37.9)
            .Stats(38, "T01", "transport", ("iceState", "closed"), ("dtlsState", "failed")).Verdict();

        Assert.Equal(Categories.ConnectionLost, v.Category);
        Assert.True(v.FailedAfterConnect);
    }

    [Fact]
    public void Dtls_failing_while_ice_is_still_connected_stays_a_dtls_failure()
    {
        var v = Connected().Stats(2, "T01", "transport", ("iceState", "connected"), ("dtlsState", "failed")).Connection("failed", 2.1).Verdict();

        Assert.Equal(Categories.DtlsFailed, v.Category);
        Assert.False(v.FailedAfterConnect);
    }

    [Fact]
    public void A_failure_an_ice_restart_recovered_from_is_neither_lost_nor_failed_and_is_told_in_the_evidence()
    {
        var v = Connected().Ice("disconnected", 12.7).Connection("failed", 22.7)
            .Add(new IceRestartRequested("pc-1", EventScript.At(25.7)))
            .Ice("checking", 25.8).Connection("connecting", 25.8).Ice("connected", 25.9).Connection("connected", 26).Verdict();

        Assert.Equal(Outcomes.Connected, v.Outcome);
        Assert.False(v.FailedAfterConnect);
        Assert.Null(v.Category);
        Assert.Equal(1, v.Recoveries);
        Assert.Contains("failed at +22.7 s after connecting, recovered at +25.9 s after an ICE restart", v.Evidence);
    }

    [Fact]
    public void A_second_loss_after_a_recovery_is_a_lost_connection()
    {
        var v = Connected().Ice("disconnected", 10).Connection("failed", 20).Ice("connected", 25).Connection("connected", 25)
            .Ice("disconnected", 50).Connection("failed", 60).Verdict();

        Assert.Equal(Categories.ConnectionLost, v.Category);
        Assert.Equal(1, v.Recoveries);
        Assert.Contains(v.Evidence, e => e.EndsWith("then failed at +60.0 s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_disconnection_is_no_loss()
    {
        var v = Connected().Ice("disconnected", 0.31).Ice("connected", 5.8).Verdict();

        Assert.Null(v.Category);
        Assert.Equal(0, v.Recoveries);
        Assert.Empty(v.Evidence);
    }
}
