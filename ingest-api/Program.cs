using IceWatch.IngestApi.Hosting;
using IceWatch.IngestApi.Startup;

if (CreateKeyCommand.Matches(args)) return await CreateKeyCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddIngestApi();
var app = builder.Build();
app.UseIngestApi();
await app.RunAsync();
return 0;

public partial class Program;
