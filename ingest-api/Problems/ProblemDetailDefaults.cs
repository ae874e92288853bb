namespace IceWatch.IngestApi.Problems;

/// <summary>Fills in a detail for problems the framework raises without one (unknown route, wrong method).</summary>
public static class ProblemDetailDefaults
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null) return;
        var request = context.HttpContext.Request;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound when context.HttpContext.GetEndpoint() is null => $"There is no endpoint at {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
            StatusCodes.Status415UnsupportedMediaType => $"Content-Type '{request.ContentType}' is not accepted here.",
            StatusCodes.Status500InternalServerError => "An unexpected error occurred; the traceId identifies it in the logs.",
            _ => null,
        };
    }
}
