namespace IceWatch.Cli;

/// <summary>Expands folders into the dump and report files inside them, sorted for stable output.</summary>
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
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Where(f => !Path.GetFileName(f).StartsWith("expected", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
            else
            {
                error.WriteLine($"icewatch: {path}: no such file or directory");
                missing = true;
            }
        }
        return files;
    }
}
