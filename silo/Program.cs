using IceWatch.Silo;

var builder = Host.CreateApplicationBuilder(args);
LoggingDefaults.Apply(builder.Configuration);
builder.Services.AddIceWatchSilo(builder.Configuration);
await builder.Build().RunAsync();
