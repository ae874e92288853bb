using IceWatch.Grains.Events;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Tests.Classification;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Sessions;

public sealed class SessionGrainTests
{
    private static readonly SessionOptions Options = new(TimeSpan.FromSeconds(30));

    [Fact]
    public void A_retried_sdk_report_is_applied_once()
    {
        var grain = new SessionGrain(new SessionState { SessionId = "s" }, Options);
        IceEvent[] report =
        [
            new ReportStarted("pc-1", EventScript.T0, 0),
            new LocalCandidateGathered("pc-1", EventScript.T0, new CandidateInfo("L1", "host", "udp")),
            new IceRestartRequested("pc-1", EventScript.At(1)),
        ];

        Assert.Equal(2, grain.Apply(report, EventScript.T0));
        Assert.Equal(0, grain.Apply(report, EventScript.T0));
        Assert.Equal(1, grain.State.PeerConnections["pc-1"].IceRestarts);
    }

    [Fact]
    public void A_retry_of_one_peer_connection_does_not_hide_new_reports_of_another()
    {
        var grain = new SessionGrain(new SessionState { SessionId = "s" }, Options);
        grain.Apply([new ReportStarted("a", EventScript.T0, 0), new IceRestartRequested("a", EventScript.T0)], EventScript.T0);

        grain.Apply([
            new ReportStarted("a", EventScript.T0, 0), new IceRestartRequested("a", EventScript.T0),
            new ReportStarted("b", EventScript.T0, 0), new IceRestartRequested("b", EventScript.T0),
        ], EventScript.T0);

        Assert.Equal(1, grain.State.PeerConnections["a"].IceRestarts);
        Assert.Equal(1, grain.State.PeerConnections["b"].IceRestarts);
    }

    [Fact]
    public void Verdicts_come_in_creation_order_and_a_pending_one_sets_the_next_deadline()
    {
        var grain = new SessionGrain(new SessionState { SessionId = "s" }, Options);
        grain.Apply([
            new PeerConnectionCreated("late", EventScript.At(5), null),
            new PeerConnectionCreated("early", EventScript.At(0), null),
        ], EventScript.At(10));

        var verdicts = grain.Evaluate(EventScript.At(12));

        Assert.Equal(["early", "late"], verdicts.Select(v => v.PeerConnectionId));
        Assert.All(verdicts, v => Assert.Equal(Outcomes.Pending, v.Outcome));
        Assert.Equal(EventScript.At(40), grain.NextDeadline(verdicts, EventScript.At(12)));
    }

    [Fact]
    public void State_survives_a_round_trip_through_its_stored_json()
    {
        var grain = new SessionGrain(new SessionState { SessionId = "s" }, Options);
        grain.Apply(new EventScript().Created("turn:t.example.com:3478").Negotiated().CandidateError("turn:t.example.com:3478", 401, "Unauthorized").Until(31).Events, EventScript.T0);
        var json = System.Text.Json.JsonSerializer.Serialize(grain.State, GrainJson.Options);

        var restored = new SessionGrain(System.Text.Json.JsonSerializer.Deserialize<SessionState>(json, GrainJson.Options)!, Options);

        Assert.Equal(Categories.TurnAuthFailed, restored.Evaluate(null).Single().Category);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(grain.Evaluate(null), GrainJson.Options),
            System.Text.Json.JsonSerializer.Serialize(restored.Evaluate(null), GrainJson.Options));
    }

    [Theory]
    [InlineData("firefox-lost-udp-cut")]
    [InlineData("lost-ice-restart")]
    [InlineData("firefox-turn-udp-tcp-wrong-password")]
    public void A_recordings_state_survives_its_stored_json_with_the_same_verdicts(string recording)
    {
        var grain = new SessionGrain(new SessionState { SessionId = recording }, Options);
        using (var stream = File.OpenRead(Path.Combine(Golden.Recordings.Root, recording, "sdk-report.json")))
            grain.Apply(IceWatch.Grains.Parsing.UploadReader.Read(stream), EventScript.T0);
        var json = System.Text.Json.JsonSerializer.Serialize(grain.State, GrainJson.Options);

        var restored = new SessionGrain(System.Text.Json.JsonSerializer.Deserialize<SessionState>(json, GrainJson.Options)!, Options);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(grain.Evaluate(null), GrainJson.Options),
            System.Text.Json.JsonSerializer.Serialize(restored.Evaluate(null), GrainJson.Options));
    }
}
