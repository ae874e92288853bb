namespace IceWatch.Load;

/// <summary>Latencies in microseconds, by second of start time, and answers by status code, from many workers.</summary>
public sealed class LatencyRecorder
{
    private readonly List<(int Second, long Micros)>[] _perWorker;
    private readonly Dictionary<int, long>[] _statusPerWorker;

    public LatencyRecorder(int workers)
    {
        _perWorker = Enumerable.Range(0, workers).Select(_ => new List<(int, long)>(10_000)).ToArray();
        _statusPerWorker = Enumerable.Range(0, workers).Select(_ => new Dictionary<int, long>()).ToArray();
    }

    public void Record(int worker, int status, long micros, TimeSpan start)
    {
        _perWorker[worker].Add(((int)start.TotalSeconds, micros));
        _statusPerWorker[worker][status] = _statusPerWorker[worker].GetValueOrDefault(status) + 1;
    }

    public long Count => _perWorker.Sum(w => (long)w.Count);

    public IReadOnlyDictionary<int, long> Statuses() =>
        _statusPerWorker.SelectMany(d => d).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));

    /// <summary>Per second of start time: requests, median and worst latency in ms, to see when a stall began.</summary>
    public IEnumerable<(int Second, int Requests, double P50Ms, double MaxMs)> Timeline() =>
        _perWorker.SelectMany(w => w).GroupBy(r => r.Second).OrderBy(g => g.Key).Select(g =>
        {
            var sorted = g.Select(r => r.Micros).Order().ToArray();
            return (g.Key, sorted.Length, sorted[sorted.Length / 2] / 1000.0, sorted[^1] / 1000.0);
        });

    public double PercentileMs(double p)
    {
        var all = _perWorker.SelectMany(w => w).Select(r => r.Micros).Order().ToArray();
        if (all.Length == 0) return double.NaN;
        var index = Math.Clamp((int)Math.Ceiling(p / 100 * all.Length) - 1, 0, all.Length - 1);
        return all[index] / 1000.0;
    }
}
