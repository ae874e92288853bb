using System.Text.Json;
using Npgsql;

namespace IceWatch.Observability.Tests;

/// <summary>Runs panels and variable queries of the dashboards against the seeded database, expanded like Grafana.</summary>
public sealed class DashboardQueries(SeededIceWatch iceWatch)
{
    public DateTimeOffset From { get; } = DateTimeOffset.UtcNow.AddHours(-1);
    public DateTimeOffset To { get; } = DateTimeOffset.UtcNow.AddMinutes(2);

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(iceWatch.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The variables as Grafana resolves them: tenant chosen, the others All (every value their own query yields).</summary>
    public async Task<GrafanaSql> ExpanderAsync(NpgsqlConnection connection, GrafanaDashboard dashboard, Guid tenant, IReadOnlyList<string>? regions = null)
    {
        var values = new Dictionary<string, IReadOnlyList<string>> { ["tenant"] = [tenant.ToString()] };
        foreach (var variable in dashboard.Variables)
        {
            var name = variable.GetProperty("name").GetString()!;
            if (name == "tenant") continue;
            if (variable.GetProperty("type").GetString() == "textbox") { values[name] = [variable.GetProperty("query").GetString()!]; continue; }
            if (name == "region" && regions is not null) { values[name] = regions; continue; }
            var query = new GrafanaSql(From, To, values).Expand(variable.GetProperty("query").GetString()!);
            var result = await PanelResult.RunAsync(connection, query);
            values[name] = result.Rows.Select(r => Convert.ToString(r[0])!).ToList();
        }
        return new GrafanaSql(From, To, values);
    }

    public async Task<PanelResult> PanelAsync(string file, string title, Guid? tenant = null, IReadOnlyList<string>? regions = null, NpgsqlConnection? connection = null)
    {
        var own = connection is null ? await OpenAsync() : null;
        try
        {
            var dashboard = GrafanaDashboard.Named(file);
            var expander = await ExpanderAsync(connection ?? own!, dashboard, tenant ?? iceWatch.DefaultTenant, regions);
            return await PanelResult.RunAsync(connection ?? own!, expander.Expand(GrafanaDashboard.Sql(dashboard.Panel(title))));
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    public static bool IsTimeSeries(JsonElement panel) => GrafanaDashboard.Format(panel) == "time_series";
}
