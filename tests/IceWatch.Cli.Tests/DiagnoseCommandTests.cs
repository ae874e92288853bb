using System.Text.Json;

namespace IceWatch.Cli.Tests;

public sealed class DiagnoseCommandTests
{
    private static readonly string Recordings = Path.Combine(RepoRoot(), "tests", "fixtures", "recordings");

    internal static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DiagnoseCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_folder_is_diagnosed_file_by_file_with_the_cause_evidence_and_fix()
    {
        var (exit, output, error) = Run(Path.Combine(Recordings, "turn-wrong-password"));

        Assert.Equal(0, exit);
        // webrtc-internals.json, rtcstats.txt, rtcstats-live.txt (taken during the call), sdk-report.json
        Assert.Equal($"icewatch: {Path.Combine(Recordings, "turn-wrong-password")}: 5 files found, 4 to diagnose; skipped 1 (expected results, not a recording): expected.json",
            error.TrimEnd());
        Assert.Equal(4, output.Split('\n').Count(l => l.EndsWith(".json", StringComparison.Ordinal) || l.EndsWith(".txt", StringComparison.Ordinal)));
        Assert.Contains("FAILED  turn_auth_failed", output);
        Assert.Contains("401 Unauthorized. from turn:10.201.0.1:3478?transport=udp", output);
        Assert.Contains("fix: Check the TURN username", output);
    }

    [Fact]
    public void Json_output_is_one_array_of_verdicts_in_the_public_names_each_with_its_file()
    {
        var file = Path.Combine(Recordings, "turn-tcp-relay", "rtcstats.txt");

        var (exit, output, _) = Run("--json", file);

        Assert.Equal(0, exit);
        var verdicts = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, verdicts.Count);
        Assert.All(verdicts, v =>
        {
            Assert.Equal(file, v.GetProperty("file").GetString());
            Assert.Equal("connected", v.GetProperty("outcome").GetString());
            Assert.Equal("tcp", v.GetProperty("selectedPair").GetProperty("relayProtocol").GetString());
            Assert.True(v.GetProperty("bytesRelayed").GetInt64() > 0);
        });
    }

    [Fact]
    public void An_unreadable_file_exits_2_with_a_one_line_reason_while_the_readable_ones_are_still_reported()
    {
        var bad = Path.GetTempFileName();
        File.WriteAllText(bad, "{ \"PeerConnections\": [1, 2");
        try
        {
            var (exit, output, error) = Run(bad, Path.Combine(Recordings, "direct-host", "sdk-report.json"));

            Assert.Equal(2, exit);
            Assert.Single(error.Trim().Split('\n'));
            Assert.StartsWith($"icewatch: {bad}: ", error, StringComparison.Ordinal);
            Assert.Contains("CONNECTED  host/host", output);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void An_empty_folder_exits_2_and_says_there_was_nothing_to_diagnose()
    {
        var empty = Directory.CreateTempSubdirectory("icewatch-empty-").FullName;
        try
        {
            var (exit, output, error) = Run(empty);

            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Equal([$"icewatch: {empty}: empty folder, nothing to diagnose", "icewatch: no dump or report to diagnose"], Lines(error));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Files_of_other_kinds_in_a_folder_are_named_as_skipped_and_a_folder_of_only_those_exits_2()
    {
        var folder = Directory.CreateTempSubdirectory("icewatch-other-").FullName;
        File.WriteAllText(Path.Combine(folder, "notes.md"), "# call notes");
        File.WriteAllText(Path.Combine(folder, "screenshot.png"), "not an image either");
        try
        {
            var (exit, _, error) = Run(folder);

            Assert.Equal(2, exit);
            Assert.Equal($"icewatch: {folder}: 2 files found, 0 to diagnose; skipped 2 (not a .json, .txt, .gz or .log file): notes.md, screenshot.png",
                Lines(error)[0]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_connected_call_shows_both_times_to_connected_labelled_and_sizes_in_binary_units()
    {
        var (exit, output, _) = Run(Path.Combine(Recordings, "turn-tls-relay", "webrtc-internals.json"));

        Assert.Equal(0, exit);
        Assert.Contains("    creation → connected 81 ms · checking → connected 1 ms\n", output);
        Assert.Contains("relayed 219.9 KiB · direct 0 B", output);
        Assert.DoesNotContain(" KB", output);
    }

    [Fact]
    public void Json_output_is_plain_utf8_with_no_escaped_plus_signs()
    {
        var (_, output, _) = Run("--json", Path.Combine(Recordings, "turn-tls-relay", "webrtc-internals.json"));

        Assert.DoesNotContain("\\u", output);
        Assert.Matches("\"startedAt\": \"[0-9T:.-]+\\+00:00\"", output);
        var first = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal(81, first.GetProperty("timeFromCreationToConnectedMs").GetInt64());
        Assert.Equal(1, first.GetProperty("timeToConnectedMs").GetInt64());
    }

    [Fact]
    public void A_truncated_gzip_file_is_reported_as_cut_off_and_a_complete_one_is_diagnosed()
    {
        var dump = File.ReadAllBytes(Path.Combine(Recordings, "turn-tls-relay", "webrtc-internals.json"));
        var whole = Path.GetTempFileName();
        var cut = Path.GetTempFileName();
        using (var output = File.Create(whole))
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
            gzip.Write(dump);
        File.WriteAllBytes(cut, File.ReadAllBytes(whole)[..5000]);
        try
        {
            var (exit, output, error) = Run(whole, cut);

            Assert.Equal(2, exit);
            Assert.Contains("CONNECTED  relay/relay", output);
            Assert.Equal($"icewatch: {cut}: the upload is gzip data cut off after 5000 bytes (gzip's end marker is missing): "
                + "the file was truncated or its transfer interrupted", error.TrimEnd());
        }
        finally
        {
            File.Delete(whole);
            File.Delete(cut);
        }
    }

    [Fact]
    public void A_file_that_starts_like_gzip_but_is_not_says_so()
    {
        var fake = Path.GetTempFileName();
        File.WriteAllBytes(fake, [0x1f, 0x8b, .. "{\"PeerConnections\": {}}"u8]);
        try
        {
            var (exit, _, error) = Run(fake);

            Assert.Equal(2, exit);
            Assert.StartsWith($"icewatch: {fake}: the upload starts with gzip's magic bytes (1f 8b) but is not valid gzip data\n", error);
        }
        finally
        {
            File.Delete(fake);
        }
    }

    [Fact]
    public void A_missing_path_exits_2_and_says_so()
    {
        var (exit, _, error) = Run("/nonexistent/dump.json");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/dump.json: no such file or directory", error);
    }

    private static string[] Lines(string text) => text.TrimEnd().Split('\n');

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IceWatch.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IceWatch.sln not found above the test output");
    }
}
