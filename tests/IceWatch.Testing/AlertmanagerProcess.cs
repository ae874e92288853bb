using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Testing;

/// <summary>A real Alertmanager (Debian's prometheus-alertmanager) on 127.0.0.1, no clustering, stopped by PID.</summary>
public sealed class AlertmanagerProcess : IDisposable
{
    private const string Config = """
        route:
          receiver: nowhere
          group_wait: 1s
          group_interval: 1s
        receivers:
          - name: nowhere
        """;

    private readonly Process _process;
    private readonly string _directory;

    private AlertmanagerProcess(Process process, string directory, string url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public string Url { get; }

    public static async Task<AlertmanagerProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("icewatch-am-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "alertmanager.yml"), Config);
        var port = FreePorts.Next();
        var info = new ProcessStartInfo("prometheus-alertmanager")
        {
            ArgumentList =
            {
                $"--config.file={Path.Combine(directory, "alertmanager.yml")}", $"--storage.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=warn",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start prometheus-alertmanager");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var alertmanager = new AlertmanagerProcess(process, directory, $"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                if ((await http.GetAsync(alertmanager.Url + "/-/ready")).IsSuccessStatusCode) return alertmanager;
            }
            catch (HttpRequestException) { }
            if (process.HasExited) break;
            await Task.Delay(100);
        }
        alertmanager.Dispose();
        throw new InvalidOperationException("Alertmanager did not become ready");
    }

    /// <summary>GET /api/v2/alerts: the alerts Alertmanager holds as active right now.</summary>
    public async Task<JsonElement[]> AlertsAsync()
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement[]>(Url + "/api/v2/alerts") ?? [];
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
