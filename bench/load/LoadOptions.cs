using System.Globalization;

namespace IceWatch.Load;

/// <summary>Command line of the load client; every run is bounded by time and by request count.</summary>
public sealed record LoadOptions
{
    public List<Uri> Urls { get; } = [];
    public string ApiKey { get; init; } = "";
    public double Seconds { get; init; } = 20;
    public int Concurrency { get; init; } = 32;
    /// <summary>0: closed loop (as fast as answers come back); otherwise requests per second on a fixed schedule.</summary>
    public double Rate { get; init; }
    public int Sessions { get; init; } = 2000;
    public int Regions { get; init; } = 4;
    public int ReportBytes { get; init; } = 10 * 1024;
    public long MaxRequests { get; init; } = 5_000_000;
    public string RunId { get; init; } = Guid.NewGuid().ToString("N")[..8];

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var urls = new List<Uri>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--url") urls.Add(new Uri(args[i + 1]));
            else values[args[i].TrimStart('-')] = args[i + 1];
        }
        var options = new LoadOptions
        {
            ApiKey = values.GetValueOrDefault("key", ""),
            Seconds = Number(values, "seconds", 20),
            Concurrency = (int)Number(values, "concurrency", 32),
            Rate = Number(values, "rate", 0),
            Sessions = (int)Number(values, "sessions", 2000),
            Regions = (int)Number(values, "regions", 4),
            ReportBytes = (int)Number(values, "report-bytes", 10 * 1024),
            MaxRequests = (long)Number(values, "max-requests", 5_000_000),
            RunId = values.GetValueOrDefault("run-id", Guid.NewGuid().ToString("N")[..8]),
        };
        options.Urls.AddRange(urls.Count > 0 ? urls : [new Uri("http://127.0.0.1:8080")]);
        return options;
    }

    private static double Number(Dictionary<string, string> values, string name, double fallback) =>
        values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
