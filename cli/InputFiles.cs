namespace IceWatch.Cli;

/// <summary>
/// Expands folders into the dump and report files inside them, sorted for stable output, and says
/// on standard error what each folder held and what was left out. Files named directly are always read.
/// </summary>
public static class InputFiles
{
    private static readonly string[] Extensions = [".json", ".txt", ".gz", ".log"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, TextWriter error, out bool missing)
    {
        missing = false;
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                var skipped = found.Select(Skip).OfType<SkippedFile>().ToList();
                var chosen = found.Where(f => Skip(f) is null).ToList();
                error.WriteLine($"icewatch: {path}: {Describe(path, found.Count, chosen.Count, skipped)}");
                files.AddRange(chosen);
            }
            else
            {
                error.WriteLine($"icewatch: {path}: no such file or directory");
                missing = true;
            }
        }
        return files;
    }

    private static SkippedFile? Skip(string file) =>
        !Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? new SkippedFile(file, SkippedFile.OtherExtension)
        : Path.GetFileName(file).StartsWith("expected", StringComparison.Ordinal) ? new SkippedFile(file, SkippedFile.ExpectedResults)
        : null;

    private static string Describe(string folder, int found, int chosen, IReadOnlyList<SkippedFile> skipped)
    {
        if (found == 0) return "empty folder, nothing to diagnose";
        var text = $"{Plural(found, "file")} found, {chosen} to diagnose";
        if (skipped.Count == 0) return text;
        var reasons = skipped.GroupBy(s => s.Reason).Select(g =>
            $"{g.Count()} ({g.Key}): {string.Join(", ", g.Take(3).Select(s => Path.GetRelativePath(folder, s.Path)))}{(g.Count() > 3 ? ", …" : "")}");
        return $"{text}; skipped {string.Join("; ", reasons)}";
    }

    public static string Plural(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
