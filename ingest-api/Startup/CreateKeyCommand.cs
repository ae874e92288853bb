using IceWatch.IngestApi.Endpoints;
using IceWatch.Silo;

namespace IceWatch.IngestApi.Startup;

/// <summary>
/// <c>create-key &lt;tenant&gt; [label] [--kind publishable|read|admin] [--origin URL]...</c>: creates the tenant if
/// needed and prints a new API key (admin unless told otherwise, as every key was before kinds existed).
/// </summary>
public static class CreateKeyCommand
{
    public const string Verb = "create-key";
    private const string Usage = $"usage: {Verb} <tenant> [label] [--kind publishable|read|admin] [--origin https://app.example.com]...   (database from ICEWATCH_DATABASE)";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var tenantName, out var label, out var kind, out var requested))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        if (KeyEndpoints.Validate(kind, label, requested, out var origins) is { } error)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddIceWatchStorage(builder.Configuration);
        using var host = builder.Build();

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cts.Token);
        var (info, key) = await host.Services.GetRequiredService<ApiKeyAdmin>().IssueAsync(tenantName, label, kind, origins, cts.Token);

        Console.WriteLine(key);
        await Console.Error.WriteLineAsync(info.Kind == KeyKinds.Publishable
            ? $"Created a publishable API key for tenant '{info.Tenant}'; it is shown only once. Give it to the browser SDK (apiKey): "
                + "it posts reports and nothing else."
            : $"Created {(info.Kind == KeyKinds.Admin ? "an" : "a")} {info.Kind} API key for tenant '{info.Tenant}'; it is shown only once. Send it as "
                + "'Authorization: Bearer <key>' with uploads and API calls, and sign in to the web UI (/ui) with it.");
        return 0;
    }

    private static bool TryParse(string[] args, out string tenant, out string? label, out string kind, out List<string>? origins)
    {
        (tenant, label, kind, origins) = ("", null, KeyKinds.Admin, null);
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--kind" or "--origin" && i + 1 >= args.Length) return false;
            if (args[i] == "--kind") kind = args[++i];
            else if (args[i] == "--origin") (origins ??= []).Add(args[++i]);
            else positional.Add(args[i]);
        }
        if (positional.Count is < 1 or > 2 || string.IsNullOrWhiteSpace(positional[0])) return false;
        tenant = positional[0].Trim();
        label = positional.Count == 2 ? positional[1] : null;
        return true;
    }
}
