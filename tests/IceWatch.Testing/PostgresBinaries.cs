namespace IceWatch.Testing;

/// <summary>Finds the newest installed PostgreSQL server binaries (Debian layout).</summary>
internal static class PostgresBinaries
{
    private const string Root = "/usr/lib/postgresql";

    public static string Newest()
    {
        var newest = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Dir, "bin", "postgres")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries under {Root}; install the postgresql package or set ICEWATCH_TEST_DATABASE.");
    }
}
