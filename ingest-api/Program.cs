using IceWatch.IngestApi.Hosting;
using IceWatch.IngestApi.Logging;
using IceWatch.IngestApi.Startup;
using Microsoft.Extensions.Options;

if (CreateKeyCommand.Matches(args)) return await StartupFailure.RunAsync(() => CreateKeyCommand.RunAsync(args), Console.Error);

return await StartupFailure.RunAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddIngestApi();
    var app = builder.Build();
    app.UseIngestApi().LogWhenReady();
    app.Services.GetService<IStartupValidator>()?.Validate();
    await app.PreflightAsync();
    await app.RunAsync();
    return 0;
}, Console.Error);

public partial class Program;
