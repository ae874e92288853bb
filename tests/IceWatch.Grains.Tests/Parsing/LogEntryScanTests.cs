using System.Text;
using System.Text.Json;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>
/// Update-log entries of the shape Chrome writes are read from their bytes without Utf8JsonReader;
/// whatever the scanner takes it must read exactly as the reader does, and leave the rest to it.
/// </summary>
public sealed class LogEntryScanTests
{
    private const string Entry = "{\n \"time\": \"2026-11-22T06:16:05.670Z\",\n \"type\": \"setRemoteDescription\",\n \"value\": \"type: answer, sdp: v=0\\r\\no=- 46 2 IN IP4 127.0.0.1\\r\\na=\\\"x\\\"\\\\\\/\\r\\n\"\n}";
    private const string Timestamped = "{\"timestamp\":1795327200000.5,\"type\":\"icecandidateerror\",\"value\":null,\"x\":true}";

    [Theory]
    [InlineData(Entry)]
    [InlineData(Timestamped)]
    [InlineData("{}")]
    public void An_entry_of_the_common_shape_is_scanned_as_the_reader_reads_it(string entry)
    {
        Assert.True(WebrtcInternalsLogEntryScan.TryRead(Encoding.UTF8.GetBytes(entry), afterValue: false, out _) > 0);
        AssertAsReader(Encoding.UTF8.GetBytes(entry), afterValue: false);
        AssertAsReader(Encoding.UTF8.GetBytes(" ,\n" + entry), afterValue: true);
    }

    [Theory]
    [InlineData("{\"value\":{}}")]
    [InlineData("{\"value\":\"\\u0041\"}")]
    [InlineData("{\"t\\u0079pe\":\"x\"}")]
    [InlineData("1")]
    [InlineData("{\"type\":\"x\",}")]
    [InlineData("{\"type\":\"x\"")]
    public void Anything_else_is_left_to_the_reader(string entry) =>
        Assert.Equal(0, WebrtcInternalsLogEntryScan.TryRead(Encoding.UTF8.GetBytes(entry), afterValue: false, out _));

    [Fact]
    public void Any_byte_changed_scans_as_the_reader_reads_or_is_left_to_it_and_a_cut_entry_is_left_to_it()
    {
        foreach (var original in new[] { Encoding.UTF8.GetBytes(Entry), Encoding.UTF8.GetBytes(Timestamped) })
        {
            foreach (var changed in Mutations.Changed(original))
            {
                AssertAsReader(changed, afterValue: false);
            }

            Assert.All(Mutations.Cut(original), cut => Assert.Equal(0, WebrtcInternalsLogEntryScan.TryRead(cut, afterValue: false, out _)));
        }
    }

    [Theory]
    [InlineData("[{0},\n{0},\n{{\"type\": \"x\\q\"}}]")]
    [InlineData("[{0},\n{0}\n{0}]")]
    [InlineData("[{0},\n{0}],\n\"stats\": x")]
    [InlineData("[{0},\n{0},\n{{\"value\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}]")]
    public void A_fault_after_scanned_entries_reads_with_the_line_and_byte_of_one_reader(string log)
    {
        var dump = $"{{\"PeerConnections\": {{\n \"1-1\": {{\"updateLog\": {string.Format(log, Timestamped)}}}}}}}";

        Upload.RefusedWhereOneReaderFails(dump);
    }

    private static void AssertAsReader(byte[] entry, bool afterValue)
    {
        var scanned = WebrtcInternalsLogEntryScan.TryRead(entry, afterValue, out var scan);
        if (scanned == 0)
        {
            return;
        }

        var prefix = Encoding.UTF8.GetBytes(afterValue ? "{\"l\":[{}" : "{\"l\":[");
        var text = (byte[])[.. prefix, .. entry.AsSpan(0, scanned), .. "]}"u8];
        var reader = new Utf8JsonReader(text);
        while (reader.BytesConsumed < prefix.Length)
        {
            reader.Read();
        }

        // A fault here (the reader refusing what the scanner took) fails the test.
        var next = WebrtcInternalsLogEntry.TryRead(ref reader, text, out var read);
        Assert.Equal(text.Length - 2, (int)reader.BytesConsumed);
        while (reader.Read())
        {
        }

        Assert.Equal(WebrtcInternalsLogEntry.Next.Entry, next);
        Assert.Equal(read.Kind, scan.Kind);
        Assert.Equal(Describe(read.Type), Describe(scan.Type));
        Assert.Equal(Describe(read.Value), Describe(scan.Value));
        Assert.Equal(Describe(read.Timestamp), Describe(scan.Timestamp));
        Assert.Equal(Describe(read.Time), Describe(scan.Time));
    }

    private static string Describe(JsonToken token) => $"{token.Type} {Encoding.UTF8.GetString(token.Raw)}";
}
