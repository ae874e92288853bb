namespace IceWatch.Load;

/// <summary>Latencies in microseconds and answers by status code, from many workers.</summary>
public sealed class LatencyRecorder
{
    private readonly List<long>[] _perWorker;
    private readonly Dictionary<int, long>[] _statusPerWorker;

    public LatencyRecorder(int workers)
    {
        _perWorker = Enumerable.Range(0, workers).Select(_ => new List<long>(100_000)).ToArray();
        _statusPerWorker = Enumerable.Range(0, workers).Select(_ => new Dictionary<int, long>()).ToArray();
    }

    public void Record(int worker, int status, long micros)
    {
        _perWorker[worker].Add(micros);
        _statusPerWorker[worker][status] = _statusPerWorker[worker].GetValueOrDefault(status) + 1;
    }

    public long Count => _perWorker.Sum(w => (long)w.Count);

    public IReadOnlyDictionary<int, long> Statuses() =>
        _statusPerWorker.SelectMany(d => d).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));

    public double PercentileMs(double p)
    {
        var all = _perWorker.SelectMany(w => w).Order().ToArray();
        if (all.Length == 0) return double.NaN;
        var index = Math.Clamp((int)Math.Ceiling(p / 100 * all.Length) - 1, 0, all.Length - 1);
        return all[index] / 1000.0;
    }
}
