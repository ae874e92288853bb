using System.Diagnostics;

namespace IceWatch.Bench;

/// <summary>The built ingest API (with in-process processing and alerting) as a child process on 127.0.0.1, stopped by PID.</summary>
internal sealed class IngestApiProcess : IDisposable
{
    private readonly Process _process;

    private IngestApiProcess(Process process, string url) => (_process, Url) = (process, url);

    public string Url { get; }

    public static async Task<IngestApiProcess> StartAsync(string dll, string database, string apiKey, int port)
    {
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet") { ArgumentList = { dll }, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ICEWATCH_DATABASE"] = database;
        info.Environment["ICEWATCH_BOOTSTRAP_API_KEY"] = apiKey;
        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the API");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new IngestApiProcess(process, url);
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/healthz")).IsSuccessStatusCode) return api;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        api.Dispose();
        throw new InvalidOperationException("the API did not become ready");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
