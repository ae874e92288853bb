using System.Text.Json;
using IceWatch.Grains.Events;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Tests.Classification;

namespace IceWatch.Grains.Tests.Sessions;

public sealed class SessionLimitsTests
{
    private static SessionGrain Grain(SessionLimits limits) =>
        new(new SessionState { SessionId = "s" }, new SessionOptions(TimeSpan.FromSeconds(30)) { Limits = limits });

    private static IceEvent Restart(string pc, double at = 0) => new IceRestartRequested(pc, EventScript.At(at));

    private static IceEvent Stats(string pc, double at = 0) =>
        new StatsObserved(pc, EventScript.At(at), "CP1", "candidate-pair", new Dictionary<string, object?> { ["bytesSent"] = 1L });

    [Fact]
    public void Peer_connections_past_the_limit_are_left_out_and_counted_in_the_sessions_note()
    {
        var grain = Grain(new SessionLimits(2, 1000, 1000));

        grain.Apply([Restart("a"), Restart("b"), Restart("c"), Restart("d"), Restart("a")], EventScript.T0);
        grain.Apply([Restart("c"), Restart("e")], EventScript.At(60));

        Assert.Equal(["a", "b"], grain.State.PeerConnections.Keys.Order());
        Assert.Equal(2, grain.State.PeerConnections["a"].IceRestarts);
        var truncation = grain.State.Truncation!;
        Assert.Equal((4L, 4L, 0L, EventScript.T0), (truncation.PeerConnections, truncation.Events, truncation.StatsObjects, truncation.Since));
        Assert.Contains("2 peer connections", truncation.Note);
        Assert.Contains("4 further peer connections", truncation.Note);
    }

    [Fact]
    public void Events_and_stats_past_their_limits_are_left_out_while_known_peer_connections_stay()
    {
        var grain = Grain(new SessionLimits(10, 4, 2));

        var applied = grain.Apply([Stats("a"), Stats("a", 1), Stats("a", 2), Restart("a"), Restart("a"), Restart("a")], EventScript.T0);

        Assert.Equal(4, applied);
        Assert.Equal((4L, 2L), (grain.State.EventsApplied, grain.State.StatsApplied));
        Assert.Equal((0L, 2L, 1L), (grain.State.Truncation!.PeerConnections, grain.State.Truncation.Events, grain.State.Truncation.StatsObjects));
    }

    [Fact]
    public void A_session_within_its_limits_has_no_note_and_its_counts_survive_a_round_trip_through_json()
    {
        var grain = Grain(SessionLimits.Default);
        grain.Apply([Stats("a"), Restart("a")], EventScript.T0);

        var stored = JsonSerializer.Deserialize<SessionState>(JsonSerializer.Serialize(grain.State, GrainJson.Options), GrainJson.Options)!;

        Assert.Null(stored.Truncation);
        Assert.Equal((2L, 1L), (stored.EventsApplied, stored.StatsApplied));
    }
}
