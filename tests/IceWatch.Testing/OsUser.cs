using System.Diagnostics;

namespace IceWatch.Testing;

/// <summary>
/// Runs PostgreSQL binaries as the postgres OS user when the tests run as root (initdb and
/// postgres refuse root). setpriv execs in place, so the started process's PID is the server's.
/// </summary>
internal static class OsUser
{
    private static bool IsRoot => Environment.UserName == "root";

    public static async Task GiveToPostgresAsync(string directory, CancellationToken ct)
    {
        if (IsRoot) await RunRawAsync("chown", ["-R", "postgres:postgres", directory], ct);
    }

    public static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var (file, args) = AsPostgres(program, arguments);
        await RunRawAsync(file, args, ct);
    }

    public static Process Start(string program, IReadOnlyList<string> arguments, string logFile)
    {
        var (file, args) = AsPostgres(program, arguments);
        var info = Info(file, args);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => { lock (log) log.Dispose(); };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static (string File, IReadOnlyList<string> Args) AsPostgres(string program, IReadOnlyList<string> arguments) =>
        IsRoot
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, .. arguments])
            : (program, arguments);

    private static async Task RunRawAsync(string file, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        using var process = Process.Start(Info(file, arguments)) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }

    private static ProcessStartInfo Info(string file, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }
}
