using System.Text;
using System.Text.Json;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>
/// getStats lines of the shape rtcstats writes are read from their bytes without Utf8JsonReader;
/// whatever the scanner takes must come out exactly as the reader reads it, and whatever the reader
/// would refuse must be left to it.
/// </summary>
public sealed class RtcStatsLineScanTests
{
    private const string Line = "[\"getStats\",\"8-1\",{\"OT01A1\":{\"active\":true,\"bytesSent\":2224,\"codecId\":\"COT01_111\",\"id\":\"OT01A1\",\"kind\":\"audio\",\"jitter\":0.001,\"timestamp\":1795328165670.326,\"type\":\"outbound-rtp\",\"[codec]\":\"opus (111)\",\"x\":null,\"y\":-1.5e-3},\"T01\":{\"bytesSent\":9,\"selectedCandidatePairId\":\"CP1\",\"type\":\"transport\"},\"CP1\":{\"state\":\"succeeded\",\"t\":1795328165671},\"OLD\":null,\"t\":1795328165670}, 1000]";
    private const string Compressed = "[\"g\", \"8-1\" , { \"OT01A1\" : { \"bytesSent\" : 3000, \"vw\" : \"a\\\"b\\n\\/\\\\\" } , \"t\" : 1795328166670 } , \"x\", 5 ]\r";

    public static TheoryData<string> CommonLines() => [Line, Compressed, "[\"getStats\",\"8-1\",{},2]"];

    [Theory]
    [MemberData(nameof(CommonLines))]
    public void A_line_of_the_common_shape_is_scanned_as_the_reader_reads_it(string line)
    {
        Assert.True(new RtcStatsLineScan().TryScan(Encoding.UTF8.GetBytes(line), line.IndexOf('{')));
        AssertAsReader(Encoding.UTF8.GetBytes(line));
    }

    public static TheoryData<string> LeftToTheReader() =>
    [
        "[\"g\",\"1\",{\"A\":{\"v\":[1]}},2]", "[\"g\",\"1\",{\"A\":{\"v\":{}}},2]", "[\"g\",\"1\",{\"A\":{\"v\":\"\\u0041\"}},2]",
        "[\"g\",\"1\",{\"A\":{\"v\":\"é\"}},2]", "[\"g\",\"1\",{\"A\\n\":{}},2]", "[\"g\",\"1\",{\"A\":{\"\\/v\":1}},2]", "[\"g\",\"1\",{\"A\":{}},{}]", "[\"g\",\"1\",{\"A\":{}},2] x",
        "[\"g\",\"1\",{\"A\":{}},2],", "[\"g\",\"1\",{\"A\":{\"v\":1,}},2]", "[\"g\",\"1\",{\"A\":{}},2", "[\"g\",\"1\",{\"A\":{\"v\":01}},2]",
        "[\"g\",\"1\",{\"A\":{\"v\":+1}},2]", "[\"g\",\"1\",{\"A\":{}} 2]", "[\"g\",\"1\",{\"A\":{\"v\":nul}},2]",
    ];

    [Theory]
    [MemberData(nameof(LeftToTheReader))]
    public void Anything_else_is_left_to_the_reader(string line) =>
        Assert.False(new RtcStatsLineScan().TryScan(Encoding.UTF8.GetBytes(line), line.IndexOf('{')));

    [Fact]
    public void Any_byte_changed_scans_as_the_reader_reads_or_is_left_to_it_and_a_cut_line_is_left_to_it()
    {
        foreach (var original in new[] { Encoding.UTF8.GetBytes(Line), Encoding.UTF8.GetBytes(Compressed.TrimEnd()) })
        {
            foreach (var changed in Mutations.Changed(original))
            {
                AssertAsReader(changed);
            }

            Assert.All(Mutations.Cut(original), cut => Assert.False(SnapshotStart(cut) >= 0 && new RtcStatsLineScan().TryScan(cut, SnapshotStart(cut))));
        }
    }

    [Fact]
    public void Lines_in_sequence_apply_as_the_reader_reads_them_with_remembered_types_and_the_timeline_filter()
    {
        string[] lines =
        [
            Line,
            "[\"getStats\",\"8-1\",{\"OT01A1\":{\"bytesSent\":3000,\"timestamp\":1795328166670},\"T01\":{\"bytesSent\":10},\"CP1\":{\"type\":\"candidate-pair\",\"state\":\"succeeded\",\"bytesReceived\":5},\"t\":1795328166670},1000]",
            "[\"getStats\",\"8-1\",{\"OT01A1\":null,\"T01\":{\"dtlsState\":\"connected\",\"selectedCandidatePairId\":\"CP1\"},\"CP1\":{\"bytesReceived\":9}},1000]",
            "[\"getStats\",\"8-1\",{\"OT01A1\":{\"bytesSent\":4000},\"t\":1795328167670},1000]",
        ];
        var (scanning, reading) = (new RtcStatsSnapshot(StatsFilter.Timeline), new RtcStatsSnapshot(StatsFilter.Timeline));
        var kept = 0;
        foreach (var text in lines)
        {
            var line = Encoding.UTF8.GetBytes(text);
            var scan = new RtcStatsLineScan();
            Assert.True(scan.TryScan(line, SnapshotStart(line)));
            var (scanStats, scanValues) = (new List<RtcStatsSnapshot.Stats>(), new List<StatField>());
            var scanCommon = scanning.Apply(scan, line, scanStats, scanValues);

            var reader = new Utf8JsonReader(line);
            while (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Read();
            }

            var (readStats, readValues) = (new List<RtcStatsSnapshot.Stats>(), new List<StatField>());
            Assert.Equal(reading.Read(ref reader, line, readStats, readValues), scanCommon);
            Assert.Equal(readStats, scanStats);
            Assert.Equal(readValues, scanValues);
            kept += scanValues.Count;
        }

        Assert.True(kept > 0);
    }

    // When the scanner takes the line from its third element on, a reader must read the same line whole, to the same stats.
    private static void AssertAsReader(byte[] line)
    {
        var snapshotStart = SnapshotStart(line);
        var scan = new RtcStatsLineScan();
        if (snapshotStart < 0 || !scan.TryScan(line, snapshotStart))
        {
            return;
        }

        var (scanStats, scanValues) = (new List<RtcStatsSnapshot.Stats>(), new List<StatField>());
        var scanCommon = new RtcStatsSnapshot(StatsFilter.All).Apply(scan, line, scanStats, scanValues);

        var reader = new Utf8JsonReader(line);
        while (reader.BytesConsumed <= snapshotStart)
        {
            reader.Read();
        }

        var (readStats, readValues) = (new List<RtcStatsSnapshot.Stats>(), new List<StatField>());
        var readCommon = new RtcStatsSnapshot(StatsFilter.All).Read(ref reader, line, readStats, readValues);
        var elements = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            JsonToken.TryCapture(ref reader, line, out var element);
            elements.Add($"{element.Type} {element.ToString()}");
        }

        Assert.False(reader.Read());
        Assert.Equal(readCommon, scanCommon);
        Assert.Equal(readStats, scanStats);
        Assert.Equal(readValues, scanValues);
        Assert.Equal(elements.Count, scan.ElementsAfter);
        Assert.Equal(elements.LastOrDefault() ?? "None ", $"{scan.Last.Type} {Encoding.UTF8.GetString(line.AsSpan(scan.Last.Start, scan.Last.Length))}");
    }

    // Where the line's third element starts when it is an object, as the line reader finds it; -1 otherwise.
    private static int SnapshotStart(byte[] line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            var read = reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TrySkip() && reader.Read() && reader.TrySkip() && reader.Read();
            return read && reader.TokenType == JsonTokenType.StartObject ? (int)reader.TokenStartIndex : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }
}
