using System.Net;
using System.Text;

namespace IceWatch.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for a webhook endpoint or PagerDuty's Events API:
/// it records every request and answers 202, or 500 for the first FailFirst requests.
/// </summary>
public sealed class NotificationReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<ReceivedRequest> _requests = [];
    private int _failuresLeft;

    public NotificationReceiver(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        var port = FreePorts.Next();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    /// <summary>Waits until a request matches, or fails the test after the timeout.</summary>
    public async Task<ReceivedRequest> WaitForAsync(Func<ReceivedRequest, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Requests.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"no matching request within {timeout}; received {Requests.Count}:\n" + string.Join("\n", Requests.Select(r => r.Body)));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
            if (!fail)
                lock (_requests) _requests.Add(new ReceivedRequest(context.Request.Url!.AbsolutePath, headers, body, DateTimeOffset.UtcNow));
            context.Response.StatusCode = fail ? 500 : 202;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
