using System.Diagnostics;

namespace IceWatch.Testing;

/// <summary>
/// Runs PostgreSQL binaries as the postgres OS user when the tests run as root (initdb and
/// postgres refuse root). setpriv and the shell exec in place, so a started server's PID is its own.
/// </summary>
internal static class OsUser
{
    private static bool IsRoot => Environment.UserName == "root";

    public static async Task GiveToPostgresAsync(string directory, CancellationToken ct)
    {
        if (IsRoot) await RunAsync("chown", ["-R", "postgres:postgres", directory], asPostgres: false, ct);
    }

    public static Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct) =>
        RunAsync(program, arguments, asPostgres: true, ct);

    /// <summary>
    /// Starts a server whose output goes straight to <paramref name="logFile"/> (no pipes: nothing to
    /// drain, and the log survives the test process).
    /// </summary>
    public static Process Start(string program, IReadOnlyList<string> arguments, string logFile)
    {
        string[] shell = ["sh", "-c", "exec \"$0\" \"$@\" >>\"$LOG_FILE\" 2>&1", program, .. arguments];
        var (file, args) = AsPostgres(shell[0], shell[1..]);
        var info = new ProcessStartInfo(file) { UseShellExecute = false, WorkingDirectory = "/", Environment = { ["LOG_FILE"] = logFile } };
        foreach (var argument in args) info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
    }

    /// <summary>PostgreSQL's immediate shutdown: the postmaster stops its children and exits at once.</summary>
    public static void QuitImmediately(Process process)
    {
        if (process.HasExited) return;
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-QUIT", process.Id.ToString()]) { UseShellExecute = false });
        if (kill is null || !kill.WaitForExit(5_000) || kill.ExitCode != 0) process.Kill();
    }

    private static (string File, IReadOnlyList<string> Args) AsPostgres(string program, IReadOnlyList<string> arguments) =>
        IsRoot
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, .. arguments])
            : (program, arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken ct)
    {
        var (file, args) = asPostgres ? AsPostgres(program, arguments) : (program, arguments);
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in args) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
    }
}
