using System.IO.Compression;
using System.Text;
using System.Text.Json;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

/// <summary>Small helpers to feed text and recordings to the readers.</summary>
internal static class Upload
{
    public static Stream Text(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static Stream Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        output.Position = 0;
        return output;
    }

    public static List<IceEvent> Read(string text) => UploadReader.Read(Text(text)).ToList();

    public static UploadFormatException Refused(string text) =>
        Assert.Throws<UploadFormatException>(() => UploadReader.Validate(Text(text)));

    /// <summary>The dump is refused where one reader over the whole text fails: at the same line and byte.</summary>
    public static void RefusedWhereOneReaderFails(string dump, int readers = 1)
    {
        var expected = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(dump));

        var fault = Assert.Throws<UploadFormatException>(() => UploadReader.Read(Text(dump), StatsFilter.Timeline, readers).ToList());

        Assert.Contains($"at line {expected.LineNumber + 1}, byte {expected.BytePositionInLine + 1} ", fault.Message, StringComparison.Ordinal);
    }

    /// <summary>A file under tests/fixtures/recordings, found from the test binaries upwards.</summary>
    public static string Recording(string scenario, string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "recordings", scenario, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"no recording {scenario}/{file} above {AppContext.BaseDirectory}");
    }

    public static List<IceEvent> ReadRecording(string scenario, string file)
    {
        using var stream = File.OpenRead(Recording(scenario, file));
        return UploadReader.Read(stream).ToList();
    }
}
