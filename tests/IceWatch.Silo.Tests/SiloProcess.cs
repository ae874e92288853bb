using System.Diagnostics;
using System.Text;
using IceWatch.Testing;

namespace IceWatch.Silo.Tests;

/// <summary>A real silo: `dotnet IceWatch.Silo.dll` as a child process against the test database.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>How many sessions this process committed, from its debug log.</summary>
    public int ProcessedSessions => CountOf("Processed session");

    public static SiloProcess Start(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepoPaths.SiloDll },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ICEWATCH_DATABASE"] = connectionString,
                ["ICEWATCH_SILO_PORT"] = FreePorts.Next().ToString(),
                ["ICEWATCH_GATEWAY_PORT"] = FreePorts.Next().ToString(),
                ["ICEWATCH_RECOVERY_GRACE_SECONDS"] = "0.2",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__IceWatch"] = "Debug",
                ["Logging__Console__FormatterName"] = "simple",
                ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the silo");
        var silo = new SiloProcess(process);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>SIGKILL: no shutdown code runs, open transactions die with the connections.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }

    public int CountOf(string text)
    {
        var output = Output;
        int count = 0, at = 0;
        while ((at = output.IndexOf(text, at, StringComparison.Ordinal)) >= 0) { count++; at += text.Length; }
        return count;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
