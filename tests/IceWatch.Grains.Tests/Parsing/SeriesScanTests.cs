using System.Text;
using System.Text.Json;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>
/// Series of the shape Chrome writes are read from their bytes without Utf8JsonReader; whatever the
/// scanner takes it must read exactly as the reader does, and whatever the reader would refuse it must
/// leave to the reader.
/// </summary>
public sealed class SeriesScanTests
{
    private const string Numbers = "\"OT01A1-headerBytesSent\": {\n \"startTime\": \"2026-11-22T06:16:05.670Z\",\n \"endTime\": \"2026-11-22T06:16:20.682Z\",\n \"statsType\": \"outbound-rtp\",\n \"values\": \"[1372,2772,4200]\"\n}";
    private const string Strings = "\"OT01A1-kind\":{\"startTime\":1795327200000,\"endTime\":1.7953272e12,\"statsType\":\"outbound-rtp\",\"values\":\"[\\\"audio\\\",\\\"a\\\\\\\\b\\/c\\\"]\",\"timestamps\":null,\"x\":true,\"y\":false,\"z\":-0.5E+3}";

    public static TheoryData<string> CommonEntries() => [Numbers, Strings, "\"a-b\":{}", "\"a-b\" : { \"values\" : \"[]\" }"];

    [Theory]
    [MemberData(nameof(CommonEntries))]
    public void An_entry_of_the_common_shape_is_scanned_as_the_reader_reads_it(string entry)
    {
        Assert.True(Scanned(entry, afterValue: false) > 0);
        Assert.True(Scanned("\n ," + entry, afterValue: true) > 0);
        AssertAsReader(entry, afterValue: false);
        AssertAsReader(" ,\r\n\t" + entry, afterValue: true);
    }

    public static TheoryData<string> LeftToTheReader() =>
    [
        "\"a\\u002db\":{}", "\"a-b\":{\"values\":\"\\u0041\"}", "\"a-b\":{\"values\":\"é\"}", "\"a-b\":{\"values\":\"\t\"}",
        "\"a-b\":{\"values\":[1]}", "\"a-b\":{\"values\":{}}", "\"a-b\":1", "\"a-b\":{\"values\":01}", "\"a-b\":{\"values\":1.}",
        "\"a-b\":{\"values\":.5}", "\"a-b\":{\"values\":1e}", "\"a-b\":{\"values\":tru}", "\"a-b\":{\"values\":1,}",
        "\"a-b\":{\"values\":1 2}", "\"a-b\":{\"values\":\"x\\q\"}", "\"a-b\":{\"v\\\"\":1}", "\"a-b\":{\"values\":1", "\"a-b\":{\"values\":12",
        "\"a-b\":{\"values\":\"[1,", "\"a-b\":{/**/}", "}", "",
    ];

    [Theory]
    [MemberData(nameof(LeftToTheReader))]
    public void Anything_else_is_left_to_the_reader(string entry) => Assert.Equal(0, Scanned(entry, afterValue: false));

    [Fact]
    public void An_entry_following_a_value_needs_its_comma()
    {
        Assert.Equal(0, Scanned(Numbers, afterValue: true));
        Assert.Equal(0, Scanned("," + Numbers, afterValue: false));
    }

    [Fact]
    public void Any_byte_changed_scans_as_the_reader_reads_or_is_left_to_it_and_a_cut_entry_is_left_to_it()
    {
        foreach (var original in new[] { Encoding.UTF8.GetBytes(Numbers), Encoding.UTF8.GetBytes(Strings) })
        {
            foreach (var changed in Mutations.Changed(original))
            {
                AssertAsReader(changed, afterValue: false);
            }

            Assert.All(Mutations.Cut(original), cut => Assert.Equal(0, WebrtcInternalsSeriesScan.TryRead(cut, afterValue: false, out _)));
        }
    }

    public static TheoryData<string> DumpsWithFaultsAmongScannedSeries() =>
    [
        Dump($"{Numbers},\n{Strings},\n\"b-c\": {{\"values\": \"x\\q\"}}"),
        Dump($"{Numbers},\n{Strings}\n\"b-c\": {{}}"),
        Dump($"{Numbers},\n{Strings},\n\"b-c\": {{\"values\": 01}}"),
        Dump($"{Numbers},\n{Strings}}}, \"updateLog\": [tru]"),
        Dump($"{Numbers},\n{Strings},\n{Numbers},,"),
        // Nesting one level past the limit, counted from the top of the dump: a depth kept wrong after scanned series moves it.
        Dump($"{Numbers},\n{Strings},\n\"b-c\": {{\"values\": {new string('[', UploadLimits.MaxJsonDepth - 4)}{new string(']', UploadLimits.MaxJsonDepth - 4)}}}"),
    ];

    [Theory]
    [MemberData(nameof(DumpsWithFaultsAmongScannedSeries))]
    public void A_fault_after_scanned_series_reads_with_the_line_and_byte_of_one_reader(string dump)
    {
        Upload.RefusedWhereOneReaderFails(dump);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_fault_after_many_buffers_of_scanned_series_reads_with_the_line_and_byte_of_one_reader(int readers)
    {
        var many = string.Join(",\n", Enumerable.Range(0, 1000).Select(i => (i % 2 == 0 ? Numbers : Strings).Replace("OT01A1", $"OT{i}")));
        var pc = $"{{\"stats\": {{\n{many},\n\"b-c\": {{\"values\": 01}}}}}}";
        var dump = $"{{\"PeerConnections\": {{\n \"1-1\": {pc},\n \"1-2\": {pc}}}}}";
        Assert.True(dump.Length > 4 * 64 * 1024);
        Upload.RefusedWhereOneReaderFails(dump, readers);
    }

    private static string Dump(string stats) => $"{{\"PeerConnections\": {{\n \"1-1\": {{\"stats\": {{\n{stats}}}}}}}}}";

    private static int Scanned(string entry, bool afterValue) =>
        WebrtcInternalsSeriesScan.TryRead(Encoding.UTF8.GetBytes(entry), afterValue, out _);

    private static void AssertAsReader(string entry, bool afterValue) => AssertAsReader(Encoding.UTF8.GetBytes(entry), afterValue);

    // Reads the entry as the first of a stats object (or after one) with a reader, and with the scanner.
    private static void AssertAsReader(byte[] entry, bool afterValue)
    {
        var scanned = WebrtcInternalsSeriesScan.TryRead(entry, afterValue, out var scan);
        if (scanned == 0)
        {
            return;
        }

        var prefix = Encoding.UTF8.GetBytes(afterValue ? "{\"s\":{\"x-y\":{}" : "{\"s\":{");
        var text = (byte[])[.. prefix, .. entry.AsSpan(0, scanned), .. "}}"u8];
        var reader = new Utf8JsonReader(text);
        while (reader.BytesConsumed < prefix.Length)
        {
            reader.Read();
        }

        // A fault here (the reader refusing what the scanner took) fails the test.
        var next = WebrtcInternalsSeriesText.TryRead(ref reader, text, out var read);
        Assert.Equal(text.Length - 2, (int)reader.BytesConsumed);
        while (reader.Read())
        {
        }

        Assert.Equal(WebrtcInternalsSeriesText.Next.Series, next);
        Assert.Equal(Describe(read.Key), Describe(scan.Key));
        Assert.Equal(Describe(read.Value), Describe(scan.Value));
        Assert.Equal(Describe(read.StatsType), Describe(scan.StatsType));
        Assert.Equal(Describe(read.StartTime), Describe(scan.StartTime));
        Assert.Equal(Describe(read.EndTime), Describe(scan.EndTime));
        Assert.Equal(Describe(read.Values), Describe(scan.Values));
        Assert.Equal(Describe(read.Timestamps), Describe(scan.Timestamps));
    }

    private static string Describe(JsonToken token) => $"{token.Type} {Encoding.UTF8.GetString(token.Raw)}";
}
