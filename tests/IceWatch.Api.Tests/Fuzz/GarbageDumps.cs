using System.Text;

namespace IceWatch.Api.Tests;

/// <summary>
/// Dump-shaped garbage: a webrtc-internals "PeerConnections" object whose entries are empty, hollow or of
/// the wrong shape, as seen in the field (one upload held about 38,700 empty entries). Entries without
/// any evidence are not peer connections; too many real-looking ones hit the per-upload limit (413).
/// </summary>
public static class GarbageDumps
{
    private static readonly string[] Entries =
    [
        "{}", "{\"updateLog\":[],\"stats\":{}}", "{\"rtcConfiguration\":{}}", "{\"rtcConfiguration\":\"\"}", "{\"rtcConfiguration\":null}",
        "{\"pid\":1,\"url\":\"https://x\",\"constraints\":\"\"}", "{\"updateLog\":[{}]}", "{\"updateLog\":[{\"type\":\"close\"}]}",
        "{\"updateLog\":[{\"timestamp\":1795327448641}]}", "{\"stats\":{\"x\":{}}}", "{\"stats\":{\"x-y\":{\"values\":\"[]\"}}}",
        "null", "0", "\"\"", "[]", "{\"updateLog\":null}", "{\"rtcConfiguration\":{\"iceServers\":[{}]}}",
    ];

    /// <summary>A small dump of a few random entries, for the seeded families.</summary>
    public static byte[] Random(Random random) =>
        Dump(Enumerable.Range(0, random.Next(1, 40)).Select(_ => Entries[random.Next(Entries.Length)]));

    /// <summary>Many copies of one entry, e.g. the 38,700 empty entries of the field report.</summary>
    public static byte[] Repeated(string entry, int count) => Dump(Enumerable.Repeat(entry, count));

    private static byte[] Dump(IEnumerable<string> entries)
    {
        var text = new StringBuilder("{\"getUserMedia\":[],\"PeerConnections\":{");
        var i = 0;
        foreach (var entry in entries) text.Append(i == 0 ? "" : ",").Append('"').Append(i++).Append("-1\":").Append(entry);
        return Encoding.UTF8.GetBytes(text.Append("},\"UserAgent\":\"garbage\",\"timestamp\":1795327448641}").ToString());
    }
}
