using System.Diagnostics;

namespace IceWatch.IngestApi.Logging;

/// <summary>
/// One line per request (category <c>IceWatch.Requests</c>): method, path, status, time and bytes.
/// Never the query string, which may carry a UI key; probes only at Debug, as they come every few seconds.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "IceWatch.Requests";
    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            var status = context.Response.StatusCode;
            var level = status >= 500 ? LogLevel.Warning : IsProbe(request.Path) ? LogLevel.Debug : LogLevel.Information;
            if (_logger.IsEnabled(level))
                Handled(_logger, level, request.Method, request.PathBase + request.Path, status,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, request.ContentLength ?? 0);
        }
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/livez");

    [LoggerMessage(EventId = 1, Message = "{Method} {Path} {Status} in {ElapsedMs:0.#} ms, {RequestBytes} bytes in")]
    private static partial void Handled(ILogger logger, LogLevel level, string method, string path, int status, double elapsedMs, long requestBytes);
}
