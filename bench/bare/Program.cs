// The ceiling of this box for the ingest benchmark: Kestrel reads the whole body and answers 202,
// with nothing behind it (no auth, no parsing, no database).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPost("/v1/reports", async (HttpRequest request, CancellationToken ct) =>
{
    var pooled = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
    try
    {
        while (await request.Body.ReadAsync(pooled, ct) > 0) { }
    }
    finally
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(pooled);
    }
    return Results.StatusCode(StatusCodes.Status202Accepted);
});
app.MapGet("/healthz", () => Results.Ok());
await app.RunAsync();
