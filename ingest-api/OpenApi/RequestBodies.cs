using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IceWatch.IngestApi.OpenApi;

/// <summary>
/// Request bodies for the upload operations. They are documented here rather than with <c>Accepts</c>,
/// because <c>Accepts</c> also makes routing refuse other content types with a bare 415 before the
/// handler can explain what is wrong.
/// </summary>
public static class RequestBodies
{
    public static async Task SdkReportBatchAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(SdkReportBatch), null, ct);
        context.Document?.AddComponent(nameof(SdkReportBatch), schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A batch of SDK reports for one session (docs/sdk-report-format.md); may be sent with Content-Encoding: gzip. " +
                "text/plain carries the same JSON, as navigator.sendBeacon sends it.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(SdkReportBatch), context.Document) },
                ["text/plain"] = new() { Schema = new OpenApiSchemaReference(nameof(SdkReportBatch), context.Document) },
            },
        };
    }

    public static Task DumpAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A chrome://webrtc-internals dump (JSON) or a Chrome rtcstats dump (text starting 'RTCStatsDump'), " +
                "raw or gzip (by Content-Encoding: gzip or by the gzip magic bytes). Any Content-Type is accepted.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = binary },
                ["text/plain"] = new() { Schema = binary },
                ["application/gzip"] = new() { Schema = binary },
            },
        };
        return Task.CompletedTask;
    }
}
