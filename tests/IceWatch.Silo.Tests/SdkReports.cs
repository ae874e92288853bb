using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IceWatch.Grains.Parsing;

namespace IceWatch.Silo.Tests;

/// <summary>Builds SDK report uploads (docs/sdk-report-format.md) for tests.</summary>
internal static class SdkReports
{
    public const long T0 = 1_763_791_000_000;

    /// <summary>A client time a few minutes ago, so region buckets fall inside an hour's window.</summary>
    public static long Recent => DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();

    /// <summary>A peer connection that connects over a relay (udp) and moves the given bytes.</summary>
    public static object Connected(string peerConnectionId, long t, long seq = 0, long bytes = 2000, string relayProtocol = "udp") => new
    {
        peerConnectionId,
        seq,
        events = new object[]
        {
            new { t, type = "create", configuration = Configuration() },
            new { t = t + 50, type = "setLocalDescription", sdpType = "offer" },
            new { t = t + 60, type = "icegatheringstatechange", state = "gathering" },
            new { t = t + 70, type = "icecandidate", candidate = new { id = "L1", type = "relay", protocol = "udp", relayProtocol, address = "203.0.113.5", port = 50000, priority = 41885439 } },
            new { t = t + 400, type = "setRemoteDescription", sdpType = "answer" },
            new { t = t + 410, type = "addIceCandidate", candidate = new { id = "R1", type = "srflx", protocol = "udp", address = "198.51.100.0", port = 4000 } },
            new { t = t + 420, type = "iceconnectionstatechange", state = "checking" },
            new { t = t + 600, type = "iceconnectionstatechange", state = "connected" },
            new { t = t + 600, type = "connectionstatechange", state = "connected" },
        },
        stats = new object[]
        {
            new
            {
                t = t + 1000,
                reports = new Dictionary<string, object>
                {
                    ["CP1"] = new { type = "candidate-pair", localCandidateId = "L1", remoteCandidateId = "R1", state = "succeeded", nominated = true, bytesSent = bytes / 2, bytesReceived = bytes - bytes / 2 },
                    ["T1"] = new { type = "transport", selectedCandidatePairId = "CP1", iceState = "connected", dtlsState = "connected" },
                    ["L1"] = new { type = "local-candidate", candidateType = "relay", protocol = "udp", relayProtocol, address = "203.0.113.5", port = 50000 },
                    ["R1"] = new { type = "remote-candidate", candidateType = "srflx", protocol = "udp", address = "198.51.100.0", port = 4000 },
                },
            },
        },
    };

    /// <summary>A peer connection that starts checking and has not connected yet.</summary>
    public static object Checking(string peerConnectionId, long t, long seq = 0) => new
    {
        peerConnectionId,
        seq,
        events = new object[]
        {
            new { t, type = "create", configuration = Configuration() },
            new { t = t + 50, type = "setLocalDescription", sdpType = "offer" },
            new { t = t + 400, type = "setRemoteDescription", sdpType = "answer" },
            new { t = t + 410, type = "addIceCandidate", candidate = new { type = "host", protocol = "udp", address = "x.local", port = 4000 } },
            new { t = t + 420, type = "iceconnectionstatechange", state = "checking" },
        },
    };

    /// <summary>A later report of a peer connection: it connected after all.</summary>
    public static object ConnectedLater(string peerConnectionId, long t, long seq) => new
    {
        peerConnectionId,
        seq,
        events = new object[] { new { t, type = "iceconnectionstatechange", state = "connected" } },
    };

    /// <summary>A peer connection whose ICE fails without any TURN server configured.</summary>
    public static object Failed(string peerConnectionId, long t, long seq = 0) => new
    {
        peerConnectionId,
        seq,
        events = new object[]
        {
            new { t, type = "create", configuration = new { iceServers = new object[] { new { urls = new[] { "stun:stun.example.com:3478" } } } } },
            new { t = t + 50, type = "setLocalDescription", sdpType = "offer" },
            new { t = t + 70, type = "icecandidate", candidate = new { type = "host", protocol = "udp", address = "a.local", port = 5000 } },
            new { t = t + 400, type = "setRemoteDescription", sdpType = "answer" },
            new { t = t + 410, type = "addIceCandidate", candidate = new { type = "host", protocol = "udp", address = "b.local", port = 4000 } },
            new { t = t + 420, type = "iceconnectionstatechange", state = "checking" },
            new { t = t + 9000, type = "iceconnectionstatechange", state = "failed" },
        },
    };

    public static byte[] Document(string sessionId, string region, params object[] reports) =>
        JsonSerializer.SerializeToUtf8Bytes(new { sessionId, region, sdk = new { name = "icewatch-test", version = "0" }, reports });

    public static Upload Upload(Guid tenantId, string sessionId, string region, byte[] json, bool gzip = false) =>
        new(tenantId, sessionId, region, UploadFormat.SdkReport, gzip ? Gzip(json) : json, SHA256.HashData(json));

    private static object Configuration() => new
    {
        iceServers = new object[]
        {
            new { urls = new[] { "stun:stun.example.com:3478" } },
            new { urls = new[] { "turn:turn.example.com:3478?transport=udp" }, hasCredential = true },
        },
        iceTransportPolicy = "all",
    };

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(content);
        return output.ToArray();
    }

    public static string Text(byte[] json) => Encoding.UTF8.GetString(json);
}
