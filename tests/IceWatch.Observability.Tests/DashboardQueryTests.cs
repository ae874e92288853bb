using Npgsql;

namespace IceWatch.Observability.Tests;

/// <summary>Every panel's SQL, expanded like Grafana, runs against data uploaded through the real pipeline and shows the right numbers.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class DashboardQueryTests(SeededIceWatch iceWatch)
{
    private readonly DashboardQueries _queries = new(iceWatch);

    [Fact]
    public async Task Every_panel_returns_the_columns_its_format_needs_with_values()
    {
        await using var connection = await _queries.OpenAsync();
        var checkedPanels = 0;
        foreach (var dashboard in GrafanaDashboard.All())
        {
            var expander = await _queries.ExpanderAsync(connection, dashboard, iceWatch.DefaultTenant);
            foreach (var panel in dashboard.Panels)
            {
                var title = $"{dashboard.File}: {panel.GetProperty("title").GetString()}";
                var result = await PanelResult.RunAsync(connection, expander.Expand(GrafanaDashboard.Sql(panel)));
                Assert.True(result.Rows.Count > 0, $"{title} returned no rows");
                if (DashboardQueries.IsTimeSeries(panel))
                {
                    Assert.True(result.Columns[0] == "time", $"{title}: the first column is '{result.Columns[0]}', not time");
                    Assert.All(result.Rows, r => Assert.True(r[0] is double or decimal or DateTime or DateTimeOffset, $"{title}: time {r[0]}"));
                    var values = result.Columns.Select((c, i) => (c, i)).Where(c => c.c is not ("time" or "metric")).ToList();
                    Assert.True(values.Count > 0, $"{title} has no value column");
                    Assert.Contains(result.Rows, r => values.Any(v => r[v.i] is not null));
                }
                else Assert.Contains(result.Rows, r => r.Any(v => v is not null));
                checkedPanels++;
            }
        }
        Assert.Equal(24, checkedPanels);
    }

    [Fact]
    public async Task Failure_rates_count_only_ice_failures_per_region_and_tenant()
    {
        var all = await _queries.PanelAsync("ice-health.json", "ICE failure rate");
        Assert.Equal(2.0 / 14, all.Number(all.Rows[0], "failure_rate"), 6);
        var eu = await _queries.PanelAsync("ice-health.json", "ICE failure rate", regions: ["eu-west"]);
        Assert.Equal(2.0 / 6, eu.Number(eu.Rows[0], "failure_rate"), 6);
        var other = await _queries.PanelAsync("ice-health.json", "ICE failure rate", await OtherTenantAsync());
        Assert.Equal(1.0, other.Number(other.Rows[0], "failure_rate"), 6);

        var series = await _queries.PanelAsync("ice-health.json", "ICE failure rate by region");
        Assert.Equal(["ap-south", "eu-west", "us-east"], series.Column("metric").Distinct().Order().ToList());
        Assert.All(series.Where("metric", "us-east"), r => Assert.Equal(0.0, series.Number(r, "failure_rate")));
        Assert.Contains(series.Where("metric", "eu-west"), r => series.Number(r, "failure_rate") > 0.01);

        var pcs = await _queries.PanelAsync("ice-health.json", "Peer connections");
        Assert.Equal(14, pcs.Number(pcs.Rows[0], "peer_connections"));
        var causes = await _queries.PanelAsync("ice-health.json", "Failures by root cause");
        var cause = Assert.Single(causes.Rows);
        Assert.Equal("turn_auth_failed", cause[0]);
        Assert.Equal(2, causes.Number(cause, "peer_connections"));
    }

    [Fact]
    public async Task Worst_sessions_and_alerts_lead_with_the_failing_call_and_the_firing_incident()
    {
        var sessions = await _queries.PanelAsync("ice-health.json", "Worst sessions");
        Assert.Equal("eu-401", sessions.Rows[0][0]);
        Assert.Equal(2, sessions.Number(sessions.Rows[0], "failed"));
        Assert.Equal("turn_auth_failed", sessions.Column("main_cause").First());
        Assert.Equal(7, sessions.Rows.Count);

        var alerts = await _queries.PanelAsync("ice-health.json", "Active and recent alerts");
        Assert.Equal(["firing", "resolved"], alerts.Column("status"));
        Assert.Equal("eu-west", alerts.Column("scope_value").First());
        var euOnly = await _queries.PanelAsync("ice-health.json", "Active and recent alerts", regions: ["eu-west"]);
        Assert.Single(euOnly.Rows);

        var ttc = await _queries.PanelAsync("ice-health.json", "Time to connect percentiles");
        Assert.All(ttc.Rows, r => Assert.True(ttc.Number(r, "p50") > 0 && ttc.Number(r, "p99") >= ttc.Number(r, "p50")));
    }

    [Fact]
    public async Task Relay_panels_split_connections_bytes_and_protocols_as_recorded()
    {
        var mix = await _queries.PanelAsync("relay-cost.json", "Relay protocol mix");
        Assert.Equal(new Dictionary<string, double> { ["tcp"] = 2, ["tls"] = 2, ["udp"] = 4 },
            mix.Rows.ToDictionary(r => (string)r[0]!, r => mix.Number(r, "peer_connections")));

        var byRegion = await _queries.PanelAsync("relay-cost.json", "Relay and direct by region");
        var us = Assert.Single(byRegion.Where("region", "us-east"));
        Assert.Equal(4, byRegion.Number(us, "relayed_connections"));
        Assert.Equal(2, byRegion.Number(us, "direct_connections"));
        Assert.True(byRegion.Number(us, "bytes_relayed") > 0 && byRegion.Number(us, "bytes_direct") > 0);
        var ap = Assert.Single(byRegion.Where("region", "ap-south"));
        Assert.Equal(1.0, byRegion.Number(ap, "relayed_bytes_share"));

        var share = await _queries.PanelAsync("relay-cost.json", "Relayed share of connections by region", regions: ["us-east"]);
        Assert.All(share.Rows, r => Assert.Equal(4.0 / 6, share.Number(r, "relayed_share"), 6));
    }

    [Fact]
    public async Task Cost_uses_the_price_table_and_prices_tls_savings_when_tls_costs_more()
    {
        await using var connection = await _queries.OpenAsync();
        var relayed = await ScalarAsync(connection, $"SELECT sum(bytes_relayed)::float8 FROM turn_minutes WHERE tenant_id = '{iceWatch.DefaultTenant}' AND relayed_via > 0");
        var cost = await _queries.PanelAsync("relay-cost.json", "Relay cost per region and day", connection: connection);
        Assert.Equal(relayed / 1e9 * 0.05, cost.Rows.Sum(r => cost.Number(r, "cost")), 9);
        Assert.Equal(["ap-south", "eu-west", "us-east"], cost.Column("metric").Distinct().Order().ToList());

        await using var transaction = await connection.BeginTransactionAsync();
        await using (var price = new NpgsqlCommand($"INSERT INTO relay_prices (tenant_id, provider, url_pattern, direction, price_per_gb, priority) VALUES ('{iceWatch.DefaultTenant}', 'tls fleet', 'turns:%', 'egress', 0.09, 10)", connection, transaction))
            await price.ExecuteNonQueryAsync();
        var savings = await _queries.PanelAsync("relay-cost.json", "Savings from moving TCP/TLS relays", connection: connection);
        var tls = Assert.Single(savings.Where("relay_protocol", "tls"));
        var tcp = Assert.Single(savings.Where("relay_protocol", "tcp"));
        Assert.Equal("us-east", tls[0]);
        Assert.Equal(savings.Number(tls, "bytes_relayed") / 1e9 * 0.09, savings.Number(tls, "cost"), 9);
        Assert.Equal(savings.Number(tls, "bytes_relayed") / 1e9 * 0.04, savings.Number(tls, "saving_to_udp"), 9);
        Assert.Equal(savings.Number(tls, "cost"), savings.Number(tls, "saving_to_direct"), 9);
        Assert.Equal(0, savings.Number(tcp, "saving_to_udp"), 9);
        Assert.True(savings.Number(tcp, "saving_to_direct") > 0);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Turn_servers_show_allocations_401s_and_attributed_failures_per_url()
    {
        var table = await _queries.PanelAsync("turn-servers.json", "TURN servers");
        var failing = Assert.Single(table.Rows, r => table.Number(r, "failures_attributed") > 0);
        Assert.Equal(2, table.Number(failing, "failures_attributed"));
        Assert.True(table.Number(failing, "auth_errors_401") > 0);
        // The lab's UDP coturn URL is the same for the wrong-password calls and the relayed UDP calls of eu-west and ap-south.
        Assert.Equal(4, table.Number(failing, "relay_allocations_used"));
        var tcp = Assert.Single(table.Rows, r => ((string)r[0]!).Contains("transport=tcp") && ((string)r[0]!).StartsWith("turn:"));
        Assert.Equal(2, table.Number(tcp, "relay_allocations_used"));
        Assert.True(table.Number(tcp, "bytes_relayed") > 0);
    }

    private async Task<Guid> OtherTenantAsync()
    {
        await using var connection = await _queries.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM tenants WHERE name = 'other'", connection);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<double> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (double)(await command.ExecuteScalarAsync())!;
    }
}
