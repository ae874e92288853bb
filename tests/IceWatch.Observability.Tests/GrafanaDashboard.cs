using System.Text.Json;

namespace IceWatch.Observability.Tests;

/// <summary>A dashboard file of dashboards/ and its panels.</summary>
public sealed record GrafanaDashboard(string File, JsonElement Root)
{
    public static IReadOnlyList<GrafanaDashboard> All() =>
        Directory.GetFiles(RepoPaths.Dashboards, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new GrafanaDashboard(Path.GetFileName(f), JsonDocument.Parse(System.IO.File.ReadAllText(f)).RootElement.Clone()))
            .ToList();

    public static GrafanaDashboard Named(string file) => All().Single(d => d.File == file);

    public string Uid => Root.GetProperty("uid").GetString()!;

    public IEnumerable<JsonElement> Panels => Root.GetProperty("panels").EnumerateArray();

    public IEnumerable<JsonElement> Variables => Root.GetProperty("templating").GetProperty("list").EnumerateArray();

    public JsonElement Panel(string title) => Panels.Single(p => p.GetProperty("title").GetString() == title);

    public static string Sql(JsonElement panel) => panel.GetProperty("targets")[0].GetProperty("rawSql").GetString()!;

    public static string Format(JsonElement panel) => panel.GetProperty("targets")[0].GetProperty("format").GetString()!;
}
