using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IceWatch.Api.Tests;

/// <summary>One IceWatch API process (`dotnet IceWatch.IngestApi.dll` from the test's own output) on a free loopback port.</summary>
public sealed class IngestProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private IngestProcess(IReadOnlyDictionary<string, string> environment)
    {
        Url = FreeLoopbackUrl();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "IceWatch.IngestApi.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        info.Environment["ASPNETCORE_URLS"] = Url.ToString();
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start the API");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Url { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<IngestProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var node = new IngestProcess(environment);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync(new Uri(node.Url, "/healthz"))).IsSuccessStatusCode) return node;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60) || node._process.HasExited)
            {
                await node.DisposeAsync();
                throw new TimeoutException($"the API did not serve:\n{node.Output}");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static Uri FreeLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
