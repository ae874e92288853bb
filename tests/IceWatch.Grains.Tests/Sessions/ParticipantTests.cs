using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Tests.Parsing;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Sessions;

/// <summary>Two participants of one call report under the same session id, each with its own "pc-1".</summary>
public sealed class ParticipantTests
{
    private static string Batch(string? clientId, string userAgent, long t0, params string[] more) => $$"""
        { "sessionId": "call-1", {{(clientId is null ? "" : $"\"clientId\": \"{clientId}\",")}} "userAgent": "{{userAgent}}",
          "reports": [ { "peerConnectionId": "pc-1", "seq": 0, "events": [
            { "t": {{t0}}, "type": "create", "configuration": { "iceServers": [ { "urls": "turn:turn.example.com:3478?transport=udp", "hasCredential": true } ], "iceTransportPolicy": "relay" } },
            { "t": {{t0 + 50}}, "type": "iceconnectionstatechange", "state": "checking" }
            {{string.Concat(more.Select(m => "," + m))}} ] } ] }
        """;

    private static IReadOnlyList<Verdict> Session(params string[] batches)
    {
        var grain = new SessionGrain(new SessionState { SessionId = "call-1" }, SessionOptions.Default);
        foreach (var b in batches) grain.Apply(Upload.Read(b), DateTimeOffset.UnixEpoch);
        return grain.Evaluate(now: null);
    }

    [Fact]
    public void Two_participants_with_their_own_client_id_keep_their_own_pc_1()
    {
        var connected = $$"""{ "t": 1763791000400, "type": "connectionstatechange", "state": "connected" }""";
        var verdicts = Session(
            Batch("c-aaa", "Mozilla/5.0 Chrome/156", 1763791000000, connected),
            Batch("c-bbb", "Mozilla/5.0 Firefox/153", 1763791000100));

        Assert.Equal(["c-aaa/pc-1", "c-bbb/pc-1"], verdicts.Select(v => v.PeerConnectionId));
        Assert.Equal(["c-aaa", "c-bbb"], verdicts.Select(v => v.ClientId));
        Assert.Equal(["Mozilla/5.0 Chrome/156", "Mozilla/5.0 Firefox/153"], verdicts.Select(v => v.UserAgent));
        Assert.Equal([Outcomes.Connected, Outcomes.Pending], verdicts.Select(v => v.Outcome));
    }

    [Fact]
    public void Without_a_client_id_the_second_participants_first_report_is_taken_for_a_retry()
    {
        var verdicts = Session(Batch(null, "a", 1763791000000), Batch(null, "b", 1763791000100));

        var only = Assert.Single(verdicts);
        Assert.Equal("pc-1", only.PeerConnectionId);
        Assert.Null(only.ClientId);
    }

    [Fact]
    public void A_client_id_outside_the_id_alphabet_is_refused()
    {
        var refused = Upload.Refused(Batch("c/1", "a", 1763791000000));

        Assert.Contains("$.clientId", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Heartbeats_carry_a_stalled_call_past_the_stall_deadline_offline()
    {
        var beats = Enumerable.Range(1, 7).Select(i => $$"""{ "t": {{1763791000000 + i * 5000}}, "type": "heartbeat" }""").ToArray();

        Assert.Equal(Outcomes.Pending, Session(Batch("c-aaa", "a", 1763791000000, beats[..5])).Single().Outcome);
        var v = Session(Batch("c-aaa", "a", 1763791000000, beats)).Single();
        Assert.Equal(Outcomes.Failed, v.Outcome);
        Assert.Contains(v.Evidence, e => e.StartsWith("not connected after 35 s (stall deadline 30 s)", StringComparison.Ordinal));
    }
}
