using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IceWatch.Api.Tests;

/// <summary>Request bodies: real recordings from tests/fixtures and small generated SDK reports.</summary>
public static class Payloads
{
    public static byte[] Recording(string scenario, string file) =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot(), "tests", "fixtures", "recordings", scenario, file));

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(content);
        return output.ToArray();
    }

    public static ByteArrayContent Body(byte[] bytes, string contentType = "application/json", string? contentEncoding = null)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (contentEncoding is not null) content.Headers.ContentEncoding.Add(contentEncoding);
        return content;
    }

    /// <summary>A one-peer-connection batch that connected over a host pair a moment ago.</summary>
    public static byte[] SdkReport(string sessionId, string region = "eu-west", bool withCredential = false)
    {
        var t = DateTimeOffset.UtcNow.AddSeconds(-30).ToUnixTimeMilliseconds();
        var server = withCredential
            ? (object)new { urls = new[] { "turn:turn.example.com:3478" }, username = "u", credential = "secret" }
            : new { urls = new[] { "stun:stun.example.com:3478" } };
        var candidate = new { type = "host", protocol = "udp", address = "abc.local", port = 50000, priority = 2122260223 };
        var batch = new
        {
            sessionId,
            region,
            sdk = new { name = "icewatch-test", version = "0.0.1" },
            reports = new object[]
            {
                new
                {
                    peerConnectionId = "pc-1",
                    seq = 0,
                    events = new object[]
                    {
                        new { t, type = "create", configuration = new { iceServers = new[] { server } } },
                        new { t = t + 10, type = "setLocalDescription", sdpType = "offer" },
                        new { t = t + 20, type = "icegatheringstatechange", state = "gathering" },
                        new { t = t + 30, type = "icecandidate", candidate },
                        new { t = t + 40, type = "setRemoteDescription", sdpType = "answer" },
                        new { t = t + 50, type = "addIceCandidate", candidate },
                        new { t = t + 60, type = "iceconnectionstatechange", state = "checking" },
                        new { t = t + 200, type = "iceconnectionstatechange", state = "connected" },
                        new { t = t + 210, type = "connectionstatechange", state = "connected" },
                    },
                    stats = new object[]
                    {
                        new
                        {
                            t = t + 1000,
                            reports = new Dictionary<string, object>
                            {
                                ["CP1"] = new { type = "candidate-pair", localCandidateId = "L1", remoteCandidateId = "R1", state = "succeeded", nominated = true, bytesSent = 1200, bytesReceived = 900 },
                                ["L1"] = new { type = "local-candidate", candidateType = "host", protocol = "udp", address = "abc.local", port = 50000 },
                                ["R1"] = new { type = "remote-candidate", candidateType = "host", protocol = "udp", address = "def.local", port = 50001 },
                                ["T1"] = new { type = "transport", selectedCandidatePairId = "CP1", iceState = "connected", dtlsState = "connected" },
                            },
                        },
                    },
                },
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(batch);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IceWatch.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IceWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
