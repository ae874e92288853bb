using Npgsql;

namespace IceWatch.Observability.Tests;

/// <summary>The metrics a running IceWatch exported over OTLP/HTTP protobuf after real uploads, decoded from the wire.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class OtlpMetricsTests(SeededIceWatch iceWatch)
{
    [Fact]
    public async Task Peer_connections_are_counted_once_by_outcome_category_pair_type_relay_protocol_and_region()
    {
        var points = await LatestAsync("icewatch.peer_connections", p => p.Sum(x => x.Value) >= 16);
        Assert.All(points, p => Assert.Equal(("{peer_connection}", "sum", true), (p.Unit, p.Kind, p.Monotonic)));
        Assert.Equal(16, points.Sum(p => p.Value));
        double Count(Func<IReadOnlyDictionary<string, string>, bool> match) => points.Where(p => match(p.Attributes)).Sum(p => p.Value);

        Assert.Equal(2, Count(a => a["tenant"] == "default" && a["region"] == "eu-west" && a["outcome"] == "failed" && a["category"] == "turn_auth_failed"
            && a["pair_type"] == "none" && a["relay_protocol"] == "none"));
        Assert.Equal(2, Count(a => a["tenant"] == "other" && a["outcome"] == "failed"));
        Assert.Equal(2, Count(a => a["region"] == "us-east" && a["pair_type"] == "relay/relay" && a["relay_protocol"] == "tls" && a["category"] == "none"));
        Assert.Equal(2, Count(a => a["region"] == "us-east" && a["relay_protocol"] == "tcp" && a["outcome"] == "connected"));
        Assert.Equal(4, Count(a => a["pair_type"] == "host/host" && a["relay_protocol"] == "none"));
        Assert.Equal(12, Count(a => a["tenant"] == "default" && a["outcome"] == "connected"));
        Assert.All(points, p => Assert.Equal(["category", "outcome", "pair_type", "region", "relay_protocol", "tenant"], p.Attributes.Keys.Order()));
    }

    [Fact]
    public async Task Relayed_and_direct_bytes_match_the_verdicts()
    {
        var expected = await BytesAsync();
        var points = await LatestAsync("icewatch.relay.bytes", p => p.Sum(x => x.Value) >= expected.Relayed + expected.Direct);
        Assert.All(points, p => Assert.Equal(("By", "sum", true), (p.Unit, p.Kind, p.Monotonic)));
        Assert.Equal(expected.Relayed, points.Where(p => p.Attributes["path"] == "relayed").Sum(p => p.Value));
        Assert.Equal(expected.Direct, points.Where(p => p.Attributes["path"] == "direct").Sum(p => p.Value));
        Assert.True(points.Single(p => p.Attributes["region"] == "ap-south" && p.Attributes["path"] == "relayed").Value > 0);
    }

    [Fact]
    public async Task The_windowed_failure_rate_backlog_and_lag_are_exported_with_the_resource_from_the_environment()
    {
        var rates = await LatestAsync("icewatch.region.failure_rate", p => p.Count >= 4);
        double Rate(string tenant, string region) =>
            rates.Single(p => p.Attributes["tenant"] == tenant && p.Attributes["region"] == region && p.Attributes["window"] == "5m").Value;
        Assert.All(rates, p => Assert.Equal(("1", "gauge"), (p.Unit, p.Kind)));
        Assert.Equal(2.0 / 6, Rate("default", "eu-west"), 6);
        Assert.Equal(0, Rate("default", "us-east"));
        Assert.Equal(1.0, Rate("other", "eu-west"));

        var backlog = Assert.Single(await LatestAsync("icewatch.ingest.backlog", p => p.Count == 1 && p[0].Value == 0));
        Assert.Equal(("{upload}", "gauge"), (backlog.Unit, backlog.Kind));
        var lag = Assert.Single(await LatestAsync("icewatch.processing.lag", p => p.Count == 1 && p[0].Count >= 8));
        Assert.Equal(("s", "histogram", 8UL), (lag.Unit, lag.Kind, lag.Count));
        Assert.True(lag.Value > 0 && lag.Value < 8 * 60);

        Assert.Equal("icewatch-under-test", lag.Resource["service.name"]);
        Assert.Equal("test", lag.Resource["deployment.environment"]);
        Assert.Equal("icewatch", lag.Resource["service.namespace"]);
        Assert.All(iceWatch.Receiver.Requests, r => Assert.Equal(("/v1/metrics", "application/x-protobuf"), (r.Path, r.ContentType)));
    }

    [Fact]
    public async Task The_paging_rules_client_counts_are_exported_per_region_and_outcome()
    {
        var points = await LatestAsync("icewatch.region.clients", p => p.Count >= 8);
        double Clients(string tenant, string region, string outcome) =>
            points.Single(p => p.Attributes["tenant"] == tenant && p.Attributes["region"] == region && p.Attributes["outcome"] == outcome && p.Attributes["window"] == "5m").Value;
        Assert.All(points, p => Assert.Equal(("{client}", "gauge"), (p.Unit, p.Kind)));

        // Each seeded dump is one session, uploaded with the tenant key: one client, whatever its peer connections.
        Assert.Equal((3, 1), (Clients("default", "eu-west", "all"), Clients("default", "eu-west", "failed")));
        Assert.Equal((3, 0), (Clients("default", "us-east", "all"), Clients("default", "us-east", "failed")));
        Assert.Equal((1, 1), (Clients("other", "eu-west", "all"), Clients("other", "eu-west", "failed")));
    }

    [Fact]
    public async Task The_orleans_runtime_instruments_are_exported_beside_icewatch_s_own()
    {
        // The seeded uploads activated session and region grains on the co-hosted silo.
        var activations = await LatestAsync("orleans-catalog-activations", p => p.Sum(x => x.Value) >= 1);
        Assert.True(activations.Sum(p => p.Value) >= 1);
        Assert.Equal("icewatch-under-test", activations[0].Resource["service.name"]);
    }

    /// <summary>The points of the newest export that has the metric, waiting until they satisfy <paramref name="done"/>.</summary>
    private async Task<List<OtlpPoint>> LatestAsync(string metric, Func<List<OtlpPoint>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<OtlpPoint> last = [];
        while (DateTime.UtcNow < deadline)
        {
            foreach (var request in iceWatch.Receiver.Requests.Reverse())
            {
                var points = OtlpDecoder.Decode(request.Body).Where(p => p.Metric == metric).ToList();
                if (points.Count == 0) continue;
                last = points;
                break;
            }
            if (last.Count > 0 && done(last)) return last;
            await Task.Delay(250);
        }
        Assert.Fail($"{metric}: no export within 30 s satisfied the test; last: {string.Join("; ", last.Select(p => $"{string.Join(",", p.Attributes)}={p.Value}"))}");
        return last;
    }

    private async Task<(double Relayed, double Direct)> BytesAsync()
    {
        await using var connection = new NpgsqlConnection(iceWatch.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT sum(bytes_relayed)::float8, sum(bytes_direct)::float8 FROM verdicts", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDouble(0), reader.GetDouble(1));
    }
}
