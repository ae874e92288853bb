using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace IceWatch.Api.Tests;

/// <summary>A deterministic corpus (one seed) of malformed and adversarial uploads for both upload endpoints.</summary>
public static class HostileBodies
{
    public const string Reports = "/v1/reports";
    public const string Dumps = "/v1/dumps?session=fuzz&region=fuzz";

    public static IEnumerable<FuzzCase> Small(int seed, int perFamily)
    {
        var random = new Random(seed);
        (string Path, byte[] Body)[] seeds = [(Reports, Seeds.SdkReport), (Dumps, Seeds.WebrtcInternals), (Dumps, Seeds.RtcStats)];
        var sdkJson = JsonNode.Parse(Seeds.SdkReport)!;
        var dumpJson = JsonNode.Parse(Seeds.WebrtcInternals)!;
        for (var i = 0; i < perFamily; i++)
        {
            var (path, body) = seeds[i % seeds.Length];
            yield return new("truncated", path, body[..random.Next(0, body.Length)]);
            yield return new("flipped bytes", path, Flip(body, random));
            yield return new("invalid utf-8", path, InvalidUtf8(body, random));
            yield return new("wrong types (sdk)", Reports, JsonMutator.Mutate(sdkJson, random, random.Next(1, 4)));
            yield return new("wrong types (dump)", Dumps, JsonMutator.Mutate(dumpJson, random, random.Next(1, 4)));
            if (i % 10 == 0) yield return new("wrong content type", i % 20 == 0 ? Reports : Dumps, body, ContentTypes[random.Next(ContentTypes.Length)]);
            if (i % 10 == 5) yield return new("gzip garbage", path, Flip(Gzip(body), random), ContentEncoding: "gzip");
            if (i % 4 == 0) yield return new("dump-shaped garbage", Dumps, GarbageDumps.Random(random));
        }
        foreach (var special in Specials()) { yield return new("special", Reports, special); yield return new("special", Dumps, special); }
    }

    public static IEnumerable<FuzzCase> Large()
    {
        var bomb = GzipZeros(600L * 1024 * 1024);
        yield return new("gzip bomb", Reports, bomb, ContentEncoding: "gzip");
        yield return new("gzip bomb", Dumps, bomb, ContentEncoding: "gzip");
        yield return new("gzip bomb (no header)", Dumps, bomb);
        var giant = new string('A', 8 * 1024 * 1024);
        yield return new("giant string", Reports, Utf8($$"""{"sessionId":"{{giant}}","reports":[]}"""));
        yield return new("giant string", Reports, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Seeds.SdkReport).Replace("pc-1", giant)));
        yield return new("giant string", Dumps, Utf8("{\"PeerConnections\":{\"1\":{\"updateLog\":[{\"type\":\"" + giant + "\",\"value\":\"" + giant + "\",\"time\":\"x\"}],\"stats\":{}}}}"));
        yield return new("millions of tiny series", Dumps, TinySeries(1_000_000));
        yield return new("millions of tiny series (gzip)", Dumps, Gzip(TinySeries(2_000_000)), ContentEncoding: "gzip");
        yield return new("many tiny reports", Reports, ManyReports(200_000));
        yield return new("38,700 empty entries", Dumps, GarbageDumps.Repeated("{}", 38_700));
        yield return new("200,000 empty entries (gzip)", Dumps, Gzip(GarbageDumps.Repeated("{\"updateLog\":[],\"stats\":{}}", 200_000)), ContentEncoding: "gzip");
        yield return new("5,000 hollow configured entries", Dumps, GarbageDumps.Repeated("{\"rtcConfiguration\":{}}", 5_000));
        yield return new("1,500 hollow configured entries", Dumps, GarbageDumps.Repeated("{\"rtcConfiguration\":{\"iceServers\":[]}}", 1_500));
    }

    private static readonly string[] ContentTypes =
        ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png", "", "application/json; charset=latin1", "*/*"];

    private static IEnumerable<byte[]> Specials()
    {
        string[] texts =
        [
            "", " ", "\uFEFF", "null", "true", "0", "-0", "1e999", "\"\"", "[]", "{}", "[{}]", "{\"reports\":null}",
            "{\"sessionId\":\"a\",\"sessionId\":\"b\",\"reports\":[],\"reports\":{}}",
            "{\"sessionId\":\"dup\",\"reports\":[{\"peerConnectionId\":\"p\",\"seq\":0,\"seq\":1e30,\"events\":[],\"events\":null}]}",
            "{\"sessionId\":\"big\",\"reports\":[{\"peerConnectionId\":\"p\",\"seq\":99999999999999999999999,\"events\":[{\"t\":1e308,\"type\":\"create\"}]}]}",
            "{\"sessionId\":\"neg\",\"reports\":[{\"peerConnectionId\":\"p\",\"seq\":-1,\"events\":[{\"t\":-9223372036854775808,\"type\":\"icecandidate\",\"candidate\":{\"port\":99999999999,\"priority\":-1e300}}]}]}",
            "{\"PeerConnections\":{\"1\":{\"stats\":{\"x-y\":{\"statsType\":\"t\",\"values\":\"[1e999,-1e999]\",\"startTime\":\"nope\",\"endTime\":0}}}}}",
            "{\"PeerConnections\":{\"1\":{\"updateLog\":[{\"type\":\"icecandidate\",\"value\":\"candidate:1 1 udp 99999999999999999999 1.2.3.4 99999999 typ host\",\"time\":\"bad\"}]}}}",
            "{\"PeerConnections\":{\"1\":{\"updateLog\":\"not a list\",\"stats\":[]}},\"PeerConnections\":{}}",
            "RTCStatsDump\n{\"fileFormat\":3}\n[\"create\",\"1\",{\"iceServers\":\"x\"},1e400]\n[\"getstats\",\"1\",{\"a\":{\"type\":1}},\"t\"]\n[",
            "RTCStatsDump\n{\"fileFormat\":99}\n" + string.Concat(Enumerable.Repeat("[\"getstats\",\"1\",{},1]\n", 2000)),
            new string('[', 100_000), new string('{', 50_000), string.Concat(Enumerable.Repeat("{\"a\":", 10_000)),
            "{\"sessionId\":\"deep\",\"reports\":[{\"peerConnectionId\":\"p\",\"seq\":0,\"stats\":[{\"t\":1,\"reports\":" + new string('[', 5000) + "]}]}]}",
        ];
        foreach (var text in texts) yield return Utf8(text);
        yield return [0xFF, 0xFE, 0x00, 0x7B, 0x00, 0x7D];
        yield return [0x1F, 0x8B, 0x08, 0x00];
    }

    private static byte[] Flip(byte[] body, Random random)
    {
        var copy = (byte[])body.Clone();
        for (var n = random.Next(1, 8); n > 0 && copy.Length > 0; n--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    private static byte[] InvalidUtf8(byte[] body, Random random)
    {
        byte[][] bad = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]];
        var at = random.Next(body.Length);
        return [.. body[..at], .. bad[random.Next(bad.Length)], .. body[at..]];
    }

    private static byte[] TinySeries(int count)
    {
        var text = new StringBuilder("{\"PeerConnections\":{\"1\":{\"pid\":1,\"updateLog\":[],\"stats\":{", count * 60);
        for (var i = 0; i < count; i++)
            text.Append(i == 0 ? "" : ",").Append("\"S").Append(i).Append("-v\":{\"statsType\":\"t\",\"values\":\"[1]\"}");
        return Utf8(text.Append("}}}}").ToString());
    }

    private static byte[] ManyReports(int count)
    {
        var text = new StringBuilder("{\"sessionId\":\"many\",\"reports\":[", count * 50);
        for (var i = 0; i < count; i++) text.Append(i == 0 ? "" : ",").Append("{\"peerConnectionId\":\"p").Append(i % 7).Append("\",\"seq\":").Append(i).Append('}');
        return Utf8(text.Append("]}").ToString());
    }

    private static byte[] GzipZeros(long size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.Length) gzip.Write(zeros);
        }
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] body) => Payloads.Gzip(body);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
