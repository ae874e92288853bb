using System.Net;
using System.Net.Sockets;

namespace IceWatch.Fault.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SiloDll => Built("silo", "IceWatch.Silo.dll");

    public static string IngestDll => Built("ingest-api", "IceWatch.IngestApi.dll");

    public static Uri FreeLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }

    private static string Built(string project, string dll)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(Root, project, "bin", configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IceWatch.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IceWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
