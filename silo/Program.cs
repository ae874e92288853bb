using IceWatch.Silo;

var builder = Host.CreateApplicationBuilder(args);
LoggingDefaults.Apply(builder.Configuration);
builder.AddIceWatchSilo();
await builder.Build().RunAsync();
