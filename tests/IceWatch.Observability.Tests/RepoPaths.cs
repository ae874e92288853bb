namespace IceWatch.Observability.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dashboards => Path.Combine(Root, "dashboards");

    public static string Recording(string scenario, string file) => Path.Combine(Root, "tests", "fixtures", "recordings", scenario, file);

    /// <summary>The API built in this test assembly's configuration (Debug or Release).</summary>
    public static string ApiDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var dll = Path.Combine(Root, "ingest-api", "bin", configuration, "net10.0", "IceWatch.IngestApi.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the ingest API first.", dll);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IceWatch.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IceWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
