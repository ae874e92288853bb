using System.Text;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

public class UploadReaderTests
{
    [Theory]
    [InlineData("""{"PeerConnections":{}}""", UploadFormat.WebrtcInternalsDump)]
    [InlineData("""  {"getUserMedia":[{"a":"b"}],"UserAgent":"x","PeerConnections":{}}""", UploadFormat.WebrtcInternalsDump)]
    [InlineData("RTCStatsDump\n{\"fileFormat\":3}\n", UploadFormat.RtcStatsDump)]
    [InlineData("""{"reports":[],"sessionId":"a"}""", UploadFormat.SdkReport)]
    [InlineData("""{"sessionId":"a","region":"b","reports":[]}""", UploadFormat.SdkReport)]
    [InlineData("""{"something":"else"}""", UploadFormat.Unknown)]
    [InlineData("""{"something":{"reports":[]}}""", UploadFormat.Unknown)]
    [InlineData("<html></html>", UploadFormat.Unknown)]
    [InlineData("", UploadFormat.Unknown)]
    public void The_format_is_told_from_the_first_bytes_whatever_the_key_order(string head, UploadFormat expected) =>
        Assert.Equal(expected, UploadReader.Detect(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Keys_past_a_long_first_value_are_still_found_in_a_cut_off_head()
    {
        var head = "{\"getUserMedia\":[\"" + new string('x', 200) + "\"],\"PeerConnections\":{\"1-1\":{\"updateLog\":[";

        Assert.Equal(UploadFormat.WebrtcInternalsDump, UploadReader.Detect(Encoding.UTF8.GetBytes(head)));
    }

    [Fact]
    public void A_gzipped_dump_reads_like_the_plain_one()
    {
        const string dump = """{"PeerConnections":{"1-1":{"updateLog":[{"timestamp":1795327448641,"type":"close","value":""}]}}}""";

        var plain = Upload.Read(dump);
        var zipped = UploadReader.Read(Upload.Gzip(dump)).ToList();

        Assert.Equal(plain, zipped);
        Assert.IsType<PeerConnectionClosed>(zipped[^1]);
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_format()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{"PeerConnections":{}}""")).ToArray();

        Assert.Equal(UploadFormat.WebrtcInternalsDump, UploadReader.Validate(new MemoryStream(bytes)).Format);
    }

    [Fact]
    public void An_unknown_upload_is_refused_naming_the_formats_expected()
    {
        var error = Upload.Refused("hello");

        Assert.Contains("expected a webrtc-internals dump", error.Message);
    }

    [Fact]
    public void An_empty_upload_is_refused() => Assert.Contains("empty", Upload.Refused("").Message);

    [Fact]
    public void A_broken_gzip_stream_is_refused()
    {
        var bytes = new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4 };

        Assert.Throws<UploadFormatException>(() => UploadReader.Validate(new MemoryStream(bytes)));
    }

    [Fact]
    public void Reading_is_lazy_and_failures_surface_as_upload_format_errors()
    {
        var events = UploadReader.Read(Upload.Text("""{"PeerConnections":{"1-1":{"updateLog":[{"timestamp":1795327448641,"type":"close","value":""}, 5]}}}"""));

        using var enumerator = events.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Assert.IsType<PeerConnectionCreated>(enumerator.Current);
        Assert.True(enumerator.MoveNext());
        Assert.Throws<UploadFormatException>(() => enumerator.MoveNext());
    }

    [Fact]
    public void Validating_a_dump_counts_entries_without_evidence_apart_from_its_peer_connections()
    {
        var summary = UploadReader.Validate(Upload.Text(
            """{"PeerConnections":{"1-1":{"updateLog":[]},"1-2":{},"1-3":{"updateLog":[{"timestamp":1795327448641,"type":"close","value":""}]}}}"""));

        Assert.Equal(new UploadSummary(UploadFormat.WebrtcInternalsDump, null, null, 1, 2, EmptyEntries: 2), summary);
    }

    [Fact]
    public void A_value_that_is_not_utf8_is_refused_when_read()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"PeerConnections\":{\"1-1\":{\"updateLog\":[{\"timestamp\":1795327448641,\"type\":\"oniceconnectionstatechange\",\"value\":\"X\"}]}}}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;

        Assert.Contains("UTF-8", Assert.Throws<UploadFormatException>(() => UploadReader.Validate(new MemoryStream(bytes))).Message);
    }
}
