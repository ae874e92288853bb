using System.Text.Json;

namespace IceWatch.Cli.Tests;

public sealed class DiagnoseCommandTests
{
    private static readonly string Recordings = Path.Combine(RepoRoot(), "tests", "fixtures", "recordings");

    private static (int Exit, string Output, string Error) Run(params string[] args)
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
        Assert.Equal("", error);
        // webrtc-internals.json, rtcstats.txt, rtcstats-live.txt (taken during the call), sdk-report.json
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
    public void A_missing_path_exits_2_and_says_so()
    {
        var (exit, _, error) = Run("/nonexistent/dump.json");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/dump.json: no such file or directory", error);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IceWatch.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IceWatch.sln not found above the test output");
    }
}
