using System.Diagnostics;
using System.Text;

namespace IceWatch.Observability.Tests;

/// <summary>A running IceWatch: `dotnet IceWatch.IngestApi.dll` (API and processing) as a child process on 127.0.0.1.</summary>
internal sealed class IceWatchProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private IceWatchProcess(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static IceWatchProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepoPaths.ApiDll },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__IceWatch"] = "Information",
                ["Logging__Console__FormatterName"] = "simple",
            },
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start IceWatch");
        var instance = new IceWatchProcess(process, port);
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    public async Task WaitHealthyAsync(HttpClient client, CancellationToken ct)
    {
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException("IceWatch exited:\n" + Output);
            try
            {
                if ((await client.GetAsync(BaseUrl + "/healthz", ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200, ct);
        }
    }

    /// <summary>SIGTERM, so the host stops cleanly and the metrics are flushed; SIGKILL if it does not end.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Posix.Terminate(_process.Id);
            if (!_process.WaitForExit(15_000)) _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
