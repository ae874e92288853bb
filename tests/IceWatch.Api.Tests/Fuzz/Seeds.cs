using System.Text;
using System.Text.Json.Nodes;

namespace IceWatch.Api.Tests;

/// <summary>Small valid bodies of every upload format, cut from the real recordings, for the fuzzer to break.</summary>
public static class Seeds
{
    public static byte[] SdkReport { get; } = Payloads.SdkReport("fuzz-seed");

    public static byte[] WebrtcInternals { get; } = ShrinkDump();

    public static byte[] RtcStats { get; } = Encoding.UTF8.GetBytes(string.Join('\n',
        Encoding.UTF8.GetString(Payloads.Recording("turn-udp-relay", "rtcstats.txt")).Split('\n').Take(60)));

    private static byte[] ShrinkDump()
    {
        var dump = JsonNode.Parse(Payloads.Recording("turn-udp-relay", "webrtc-internals.json"))!.AsObject();
        var pcs = dump["PeerConnections"]!.AsObject();
        foreach (var extra in pcs.Skip(1).Select(p => p.Key).ToList()) pcs.Remove(extra);
        var pc = pcs.First().Value!.AsObject();
        var log = pc["updateLog"]!.AsArray();
        while (log.Count > 40) log.RemoveAt(log.Count - 1);
        var stats = pc["stats"]!.AsObject();
        foreach (var extra in stats.Skip(40).Select(p => p.Key).ToList()) stats.Remove(extra);
        return Encoding.UTF8.GetBytes(dump.ToJsonString());
    }
}
