using IceWatch.Silo;

var builder = Host.CreateApplicationBuilder(args);
builder.AddIceWatchSilo();
await builder.Build().RunAsync();
