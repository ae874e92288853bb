using System.IO.Compression;
using System.Text.Json.Nodes;

namespace IceWatch.Cli.Tests;

/// <summary>
/// The native program compiled ahead of time has no reflection to fall back on: it must give, byte for
/// byte, what the library gives in process, on every committed recording and through gzip.
/// </summary>
[Collection(NativeCliCollection.Name)]
public sealed class NativeCliTests(NativeCli cli)
{
    private static readonly string Recordings = Path.Combine(DiagnoseCommandTests.RepoRoot(), "tests", "fixtures", "recordings");

    [Fact]
    public void The_native_program_gives_the_verdicts_of_the_library_for_every_committed_recording()
    {
        var native = cli.Diagnose(["--json", Recordings]);
        var library = DiagnoseCommandTests.Run("--json", Recordings);

        Assert.Equal(library.Exit, native.Exit);
        Assert.Equal(library.Error, native.Error);
        var verdicts = WithoutReceivedAt(native.Output);
        Assert.True(verdicts.Count > 100, $"only {verdicts.Count} verdicts");
        Assert.True(JsonNode.DeepEquals(WithoutReceivedAt(library.Output), verdicts), "the native program's verdicts differ from the library's");
    }

    [Fact]
    public void The_native_program_prints_the_readable_report_of_the_library()
    {
        var file = Path.Combine(Recordings, "turn-wrong-password", "webrtc-internals.json");

        var native = cli.Diagnose([file]);

        Assert.Equal(0, native.Exit);
        Assert.Contains("FAILED  turn_auth_failed", native.Output);
        Assert.Equal(DiagnoseCommandTests.Run(file).Output, native.Output);
    }

    [Fact]
    public void The_native_program_reads_a_gzipped_dump_as_the_plain_one()
    {
        var plain = Path.Combine(Recordings, "turn-udp-relay", "webrtc-internals.json");
        var folder = Directory.CreateTempSubdirectory("icewatch-gzip-").FullName;
        try
        {
            var gzipped = Path.Combine(folder, "webrtc-internals.json.gz");
            using (var output = File.Create(gzipped))
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            using (var input = File.OpenRead(plain))
                input.CopyTo(gzip);

            var fromGzip = cli.Diagnose(["--json", gzipped]);
            var fromPlain = cli.Diagnose(["--json", plain]);

            Assert.Equal(0, fromGzip.Exit);
            Assert.True(JsonNode.DeepEquals(WithoutFile(fromPlain.Output), WithoutFile(fromGzip.Output)), fromGzip.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The time of diagnosis is the one field that differs from run to run.
    private static JsonArray WithoutReceivedAt(string json) => Without(json, "receivedAt");

    private static JsonArray WithoutFile(string json) => Without(json, "receivedAt", "file");

    private static JsonArray Without(string json, params string[] names)
    {
        var verdicts = JsonNode.Parse(json)!.AsArray();
        foreach (var verdict in verdicts)
            foreach (var name in names) verdict!.AsObject().Remove(name);
        return verdicts;
    }
}
