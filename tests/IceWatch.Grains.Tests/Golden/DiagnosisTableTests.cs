using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;

namespace IceWatch.Grains.Tests.Golden;

/// <summary>docs/diagnosis.md's scenario × format table says what IceWatch really answers for each recording.</summary>
public sealed class DiagnosisTableTests
{
    private static readonly string[] Columns = ["webrtc-internals.json", "rtcstats.txt", "rtcstats-live.txt", "sdk-report.json"];

    [Fact]
    public void The_diagnosis_table_lists_every_recording_with_what_each_of_its_formats_gives()
    {
        var rows = Rows();
        var recorded = Directory.GetDirectories(Recordings.Root).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(recorded, rows.Keys.Order(StringComparer.Ordinal).ToList());

        var wrong = new List<string>();
        foreach (var (scenario, cells) in rows)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                var path = Path.Combine(Recordings.Root, scenario, Columns[i]);
                var actual = File.Exists(path) ? Answer(path) : "–";
                if (actual != cells[i]) wrong.Add($"{scenario} {Columns[i]}: the table says \"{cells[i]}\", IceWatch answers \"{actual}\"");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    // "connected", "failed, turn_auth_failed", ... as the table writes it; both peers' answers when they differ.
    private static string Answer(string path)
    {
        using var stream = File.OpenRead(path);
        var grain = new SessionGrain(new SessionState { SessionId = "table" }, SessionOptions.Default);
        grain.Apply(UploadReader.Read(stream), DateTimeOffset.UnixEpoch);
        return string.Join(" / ", grain.Evaluate(now: null)
            .Select(v => v.Category is null ? v.Outcome : $"{v.Outcome}, {v.Category}").Distinct().Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string[]> Rows()
    {
        var doc = File.ReadAllLines(Path.Combine(Recordings.Fixtures, "..", "..", "docs", "diagnosis.md"));
        var start = Array.FindIndex(doc, l => l.StartsWith("| scenario | browser | webrtc-internals.json", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/diagnosis.md has no scenario × format table");
        return doc.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim().Replace("¹", "", StringComparison.Ordinal)).ToArray())
            .ToDictionary(c => c[0].Trim('`'), c => c[2..]);
    }
}
