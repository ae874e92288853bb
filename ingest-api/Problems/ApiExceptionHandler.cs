using IceWatch.IngestApi.Options;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IceWatch.IngestApi.Problems;

/// <summary>Turns exceptions into problem details: database outages to 503, bad requests to their 4xx.</summary>
public sealed class ApiExceptionHandler(
    IProblemDetailsService problems,
    IOptions<IngestOptions> options,
    ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = Describe(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "PostgreSQL is unavailable; answering 503");
            context.Response.Headers[HeaderNames.RetryAfter] = options.Value.RetryAfterSeconds.ToString();
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private (int Status, string Title, string? Detail) Describe(Exception exception) => exception switch
    {
        UploadRejectedException rejected => (rejected.StatusCode, rejected.Title, rejected.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"The request body exceeds the maximum of {options.Value.MaxRequestBodyBytes} bytes."),
        BadHttpRequestException bad => (bad.StatusCode, "Bad Request", bad.Message),
        DatabaseNotReadyException notReady => (StatusCodes.Status503ServiceUnavailable, "Service Unavailable", notReady.Message),
        _ when DatabaseFailures.IsUnavailable(exception) =>
            (StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The database cannot be reached right now; retry later."),
        _ => (StatusCodes.Status500InternalServerError, "Internal Server Error", null),
    };
}
