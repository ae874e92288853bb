namespace IceWatch.IngestApi.Ui;

/// <summary>The overview's windows and the bucket each is drawn in.</summary>
public static class UiWindows
{
    public const string Default = "24h";

    public static readonly IReadOnlyList<string> Names = ["1h", "6h", "24h", "7d"];

    public static (TimeSpan Window, TimeSpan Bucket) Resolve(string? name) => name switch
    {
        "1h" => (TimeSpan.FromHours(1), TimeSpan.FromMinutes(1)),
        "6h" => (TimeSpan.FromHours(6), TimeSpan.FromMinutes(10)),
        "7d" => (TimeSpan.FromDays(7), TimeSpan.FromHours(3)),
        _ => (TimeSpan.FromHours(24), TimeSpan.FromMinutes(30)),
    };
}
