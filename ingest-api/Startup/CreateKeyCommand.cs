using IceWatch.Silo;

namespace IceWatch.IngestApi.Startup;

/// <summary><c>create-key &lt;tenant&gt; [label]</c>: creates the tenant if needed and prints a new API key.</summary>
public static class CreateKeyCommand
{
    public const string Verb = "create-key";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length is < 2 or > 3 || string.IsNullOrWhiteSpace(args[1]))
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} <tenant> [label]   (database from ICEWATCH_DATABASE)");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddIceWatchStorage(builder.Configuration);
        using var host = builder.Build();

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cts.Token);
        var tenants = host.Services.GetRequiredService<TenantStore>();
        var tenant = await tenants.EnsureTenantAsync(args[1].Trim(), cts.Token);
        var key = await tenants.CreateApiKeyAsync(tenant.Id, args.Length == 3 ? args[2] : null, cts.Token);

        Console.WriteLine(key);
        await Console.Error.WriteLineAsync($"Created an API key for tenant '{tenant.Name}'; it is shown only once. Send it as "
            + "'Authorization: Bearer <key>' with uploads and API calls, and sign in to the web UI (/ui) with it.");
        return 0;
    }
}
