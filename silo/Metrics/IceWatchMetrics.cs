using System.Diagnostics.Metrics;
using IceWatch.Grains.Sessions;

namespace IceWatch.Silo;

/// <summary>
/// The instruments of docs/metrics.md. Counters and the lag histogram are recorded after each
/// processing commit; the gauges report the last snapshot taken by <see cref="MetricsRefresher"/>.
/// </summary>
public sealed class IceWatchMetrics : IDisposable
{
    private readonly Meter _meter = new(MetricNames.Meter);
    private readonly Counter<long> _peerConnections;
    private readonly Counter<long> _relayBytes;
    private readonly Histogram<double> _processingLag;
    private volatile IReadOnlyList<RegionFailureRate> _rates = [];
    private long _backlog = -1;

    public IceWatchMetrics()
    {
        _peerConnections = _meter.CreateCounter<long>(MetricNames.PeerConnections, "{peer_connection}",
            "Peer connections counted once when their verdict first became final.");
        _relayBytes = _meter.CreateCounter<long>(MetricNames.RelayBytes, "By", "Bytes sent and received over relayed and direct candidate pairs.");
        _processingLag = _meter.CreateHistogram<double>(MetricNames.ProcessingLag, "s", "Time from an upload's acceptance to its processing commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        _meter.CreateObservableGauge(MetricNames.RegionFailureRate, ObserveRates, "1", "ICE failure rate of a region over the last five minutes.");
        _meter.CreateObservableGauge(MetricNames.RegionClients, ObserveClients, "{client}",
            "Clients of a region over the last five minutes (outcome all), and those that saw ICE fail (outcome failed): the paging rule's counts.");
        _meter.CreateObservableGauge(MetricNames.IngestBacklog, ObserveBacklog, "{upload}", "Accepted uploads not processed yet.");
    }

    internal void Processed(string tenant, string region, MetricChanges changes)
    {
        foreach (var v in changes.NewlyFinal)
        {
            var pairType = v.LocalType is null && v.RemoteType is null ? MetricNames.None : $"{v.LocalType ?? MetricNames.None}/{v.RemoteType ?? MetricNames.None}";
            _peerConnections.Add(1,
                new("tenant", tenant), new("region", region), new("outcome", v.Outcome), new("category", v.Category ?? MetricNames.None),
                new("pair_type", pairType), new("relay_protocol", v.RelayProtocol ?? MetricNames.None));
        }
        if (changes.BytesRelayedGrowth > 0)
            _relayBytes.Add(changes.BytesRelayedGrowth, new("tenant", tenant), new("region", region), new("path", "relayed"));
        if (changes.BytesDirectGrowth > 0)
            _relayBytes.Add(changes.BytesDirectGrowth, new("tenant", tenant), new("region", region), new("path", "direct"));
    }

    internal void UploadProcessed(TimeSpan lag) => _processingLag.Record(Math.Max(0, lag.TotalSeconds));

    internal void Refreshed(IReadOnlyList<RegionFailureRate> rates, long backlog)
    {
        _rates = rates;
        Interlocked.Exchange(ref _backlog, backlog);
    }

    private IEnumerable<Measurement<double>> ObserveRates() =>
        _rates.Select(r => new Measurement<double>(r.Rate,
            new("tenant", r.Tenant), new("region", r.Region), new("window", MetricNames.FailureRateWindow)));

    private IEnumerable<Measurement<long>> ObserveClients() =>
        _rates.SelectMany(r => new[]
        {
            new Measurement<long>(r.Clients, new("tenant", r.Tenant), new("region", r.Region), new("window", MetricNames.FailureRateWindow), new("outcome", "all")),
            new Measurement<long>(r.FailedClients, new("tenant", r.Tenant), new("region", r.Region), new("window", MetricNames.FailureRateWindow), new("outcome", "failed")),
        });

    private IEnumerable<Measurement<long>> ObserveBacklog()
    {
        var backlog = Interlocked.Read(ref _backlog);
        if (backlog >= 0) yield return new Measurement<long>(backlog);
    }

    public void Dispose() => _meter.Dispose();
}
