using System.Text.Json;

namespace IceWatch.Grains.Tests.Golden;

/// <summary>The committed real-browser recordings under tests/fixtures/recordings and their expected verdicts.</summary>
internal static class Recordings
{
    /// <summary>rtcstats-live.txt: the rtcstats dump taken while the call was still up (it ends with the last event Chrome logged).</summary>
    public static readonly string[] Formats =
        ["webrtc-internals.json", "webrtc-internals.json.gz", "rtcstats.txt", "rtcstats.txt.gz", "rtcstats-live.txt", "sdk-report.json"];

    public static string Fixtures { get; } = Path.Combine(RepoRoot(), "tests", "fixtures");

    public static string Root { get; } = Path.Combine(Fixtures, "recordings");

    /// <summary>Every folder with an expected.json under recordings/ (real) and derived/ (transformed), relative to tests/fixtures.</summary>
    public static IEnumerable<string> Scenarios() =>
        Directory.EnumerateFiles(Fixtures, "expected.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Fixtures, Path.GetDirectoryName(f)!))
            .Order(StringComparer.Ordinal);

    /// <summary>Every recorded file as theory data (scenario, file).</summary>
    public static TheoryData<string, string> FileData()
    {
        var data = new TheoryData<string, string>();
        foreach (var (scenario, file) in Files()) data.Add(scenario, file);
        return data;
    }

    public static IEnumerable<(string Scenario, string File)> Files() =>
        from scenario in Scenarios()
        from format in Formats
        where File.Exists(Path.Combine(Fixtures, scenario, format))
        select (scenario, format);

    public static ExpectedScenario Expected(string scenario) =>
        JsonSerializer.Deserialize<ExpectedScenario>(File.ReadAllText(Path.Combine(Fixtures, scenario, "expected.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException($"{scenario}/expected.json is empty");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IceWatch.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IceWatch.sln not found above the test output");
    }
}
