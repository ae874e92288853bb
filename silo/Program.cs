using IceWatch.Silo;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddIceWatchSilo(builder.Configuration);
await builder.Build().RunAsync();
