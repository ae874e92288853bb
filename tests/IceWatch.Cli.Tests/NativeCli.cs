using System.Diagnostics;

namespace IceWatch.Cli.Tests;

/// <summary>
/// The diagnose CLI as users run it: published ahead of time to a native program, once per test run,
/// into a folder of its own that is deleted afterwards. Shared by the test classes of <see cref="NativeCliCollection"/>.
/// </summary>
public sealed class NativeCli : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("icewatch-native-cli-").FullName;

    public NativeCli()
    {
        var project = Path.Combine(DiagnoseCommandTests.RepoRoot(), "cli", "IceWatch.Cli.csproj");
        var (exit, output, error) = Run("dotnet", ["publish", project, "-c", "Release", "--use-current-runtime", "-nologo", "-o", _folder],
            TimeSpan.FromMinutes(10));
        if (exit == 0 && File.Exists(Program)) return;
        Dispose();
        throw new InvalidOperationException($"publishing the native CLI failed ({exit}):\n{output}\n{error}");
    }

    public string Program => Path.Combine(_folder, "icewatch-cli");

    public (int Exit, string Output, string Error) Diagnose(IEnumerable<string> args) => Command(["diagnose", .. args]);

    /// <summary>The program with these arguments, in the repository's folder, as the README runs it.</summary>
    public (int Exit, string Output, string Error) Command(IEnumerable<string> args) => Run(Program, args, TimeSpan.FromMinutes(2));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = DiagnoseCommandTests.RepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
