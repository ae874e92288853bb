using System.Diagnostics;
using System.Text;

namespace IceWatch.Fault.Tests;

/// <summary>One IceWatch process (an ingest API or a silo) started with `dotnet DLL`; killed with SIGKILL, restarted alike.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public NodeProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, Uri? url = null)
    {
        Name = name;
        Url = url;
        _dll = dll;
        _environment = environment;
    }

    public string Name { get; }
    public Uri? Url { get; }
    public int Starts { get; private set; }
    public bool IsRunning => _process is { HasExited: false };

    public string OutputTail
    {
        get { lock (_output) return _output.Length > 4000 ? _output.ToString(_output.Length - 4000, 4000) : _output.ToString(); }
    }

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet") { ArgumentList = { _dll }, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        if (Url is not null) info.Environment["ASPNETCORE_URLS"] = Url.ToString();
        _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Name}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
    }

    /// <summary>SIGKILL: no shutdown code runs; open transactions die with their connections.</summary>
    public void KillHard()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill();
        process.WaitForExit();
    }

    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync(new Uri(Url!, "/healthz"))).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (deadline.Elapsed > timeout || _process!.HasExited) throw new TimeoutException($"{Name} did not serve:\n{OutputTail}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        KillHard();
        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
