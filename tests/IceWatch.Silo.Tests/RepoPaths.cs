namespace IceWatch.Silo.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Recordings => Path.Combine(Root, "tests", "fixtures", "recordings");

    /// <summary>The silo built next to this test assembly's configuration (Debug or Release).</summary>
    public static string SiloDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var dll = Path.Combine(Root, "silo", "bin", configuration, "net10.0", "IceWatch.Silo.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the silo first.", dll);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IceWatch.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IceWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
