using System.Text.Json;

namespace IceWatch.Testing;

/// <summary>SDK report batches of many peer connections that just connected, or just failed ICE on a TURN 401.</summary>
public static class CallBatches
{
    public const string TurnUrl = "turns:turn-eu.example.com:443";

    public static byte[] Build(string sessionId, string region, int connected, int failed)
    {
        var t = DateTimeOffset.UtcNow.AddSeconds(-20).ToUnixTimeMilliseconds();
        var reports = Enumerable.Range(0, connected).Select(i => Connected($"ok-{i}", t))
            .Concat(Enumerable.Range(0, failed).Select(i => FailedTurnAuth($"bad-{i}", t))).ToArray();
        return JsonSerializer.SerializeToUtf8Bytes(new { sessionId, region, sdk = new { name = "icewatch-test", version = "0" }, reports });
    }

    private static object Server() => new { urls = new[] { TurnUrl }, hasCredential = true };

    private static object Host(string address) => new { type = "host", protocol = "udp", address, port = 50000, priority = 2122260223 };

    private static object Connected(string id, long t) => new
    {
        peerConnectionId = id,
        seq = 0,
        events = new object[]
        {
            new { t, type = "create", configuration = new { iceServers = new[] { Server() } } },
            new { t = t + 10, type = "setLocalDescription", sdpType = "offer" },
            new { t = t + 30, type = "icecandidate", candidate = Host("a.local") },
            new { t = t + 40, type = "setRemoteDescription", sdpType = "answer" },
            new { t = t + 50, type = "addIceCandidate", candidate = Host("b.local") },
            new { t = t + 60, type = "iceconnectionstatechange", state = "checking" },
            new { t = t + 200, type = "iceconnectionstatechange", state = "connected" },
            new { t = t + 210, type = "connectionstatechange", state = "connected" },
        },
    };

    private static object FailedTurnAuth(string id, long t) => new
    {
        peerConnectionId = id,
        seq = 0,
        events = new object[]
        {
            new { t, type = "create", configuration = new { iceServers = new[] { Server() } } },
            new { t = t + 10, type = "setLocalDescription", sdpType = "offer" },
            new { t = t + 20, type = "icegatheringstatechange", state = "gathering" },
            new { t = t + 30, type = "icecandidate", candidate = Host("a.local") },
            new { t = t + 300, type = "icecandidateerror", url = TurnUrl, errorCode = 401, errorText = "Unauthorized" },
            new { t = t + 400, type = "setRemoteDescription", sdpType = "answer" },
            new { t = t + 410, type = "addIceCandidate", candidate = Host("b.local") },
            new { t = t + 420, type = "iceconnectionstatechange", state = "checking" },
            new { t = t + 9000, type = "iceconnectionstatechange", state = "failed" },
        },
    };
}
