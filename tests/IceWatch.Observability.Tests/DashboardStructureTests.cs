using System.Text.Json;

namespace IceWatch.Observability.Tests;

/// <summary>Every dashboard file is provisionable as it is: no import placeholders, a sound layout, queries and units everywhere.</summary>
public sealed class DashboardStructureTests
{
    public static TheoryData<string> Files() => new(GrafanaDashboard.All().Select(d => d.File));

    [Fact]
    public void There_are_the_three_dashboards_with_distinct_stable_uids()
    {
        var dashboards = GrafanaDashboard.All();
        Assert.Equal(["ice-health.json", "relay-cost.json", "turn-servers.json"], dashboards.Select(d => d.File));
        Assert.Equal(["icewatch-ice-health", "icewatch-relay-cost", "icewatch-turn-servers"], dashboards.Select(d => d.Uid));
    }

    [Theory, MemberData(nameof(Files))]
    public void A_dashboard_uses_the_provisioned_data_source_and_a_current_schema(string file)
    {
        var dashboard = GrafanaDashboard.Named(file);
        var text = File.ReadAllText(Path.Combine(RepoPaths.Dashboards, file));
        Assert.DoesNotContain("${DS_", text);
        Assert.DoesNotContain("__inputs", text);
        Assert.True(dashboard.Root.GetProperty("schemaVersion").GetInt32() >= 39);
        Assert.Equal(JsonValueKind.Null, dashboard.Root.TryGetProperty("id", out var id) ? id.ValueKind : JsonValueKind.Null);
        foreach (var source in DataSources(dashboard.Root))
        {
            Assert.Equal("grafana-postgresql-datasource", source.GetProperty("type").GetString());
            Assert.Equal("icewatch-postgres", source.GetProperty("uid").GetString());
        }
        var variables = dashboard.Variables.Select(v => v.GetProperty("name").GetString()).ToList();
        Assert.Contains("tenant", variables);
        Assert.Contains("region", variables);
    }

    [Theory, MemberData(nameof(Files))]
    public void Every_panel_has_a_unique_id_a_place_in_24_columns_a_query_and_a_unit(string file)
    {
        var panels = GrafanaDashboard.Named(file).Panels.ToList();
        Assert.NotEmpty(panels);
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        var cells = new HashSet<(int, int)>();
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            var grid = panel.GetProperty("gridPos");
            int x = grid.GetProperty("x").GetInt32(), y = grid.GetProperty("y").GetInt32(), w = grid.GetProperty("w").GetInt32(), h = grid.GetProperty("h").GetInt32();
            Assert.True(x >= 0 && w > 0 && h > 0 && x + w <= 24, $"{title}: gridPos {x}+{w} leaves the 24 columns");
            for (var cx = x; cx < x + w; cx++)
                for (var cy = y; cy < y + h; cy++)
                    Assert.True(cells.Add((cx, cy)), $"{title} overlaps another panel at ({cx},{cy})");
            var target = Assert.Single(panel.GetProperty("targets").EnumerateArray());
            Assert.False(string.IsNullOrWhiteSpace(target.GetProperty("rawSql").GetString()), $"{title} has no SQL");
            Assert.Contains(target.GetProperty("format").GetString(), new[] { "time_series", "table" });
            Assert.False(string.IsNullOrEmpty(panel.GetProperty("fieldConfig").GetProperty("defaults").GetProperty("unit").GetString()), $"{title} has no unit");
        }
    }

    private static IEnumerable<JsonElement> DataSources(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "datasource") yield return property.Value;
                else foreach (var inner in DataSources(property.Value)) yield return inner;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray())
                foreach (var inner in DataSources(item)) yield return inner;
    }
}
