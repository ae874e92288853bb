using System.Globalization;

namespace IceWatch.Bench.Grains;

/// <summary>
/// Memory of active session grains: the managed heap after N sessions were each fed the same upload
/// and stay activated, against the heap before, per session; and how many such sessions 8 GB holds.
/// </summary>
public static class SessionMemory
{
    public static async Task<string> MeasureAsync(SiloBench silo, string file, int sessions)
    {
        var body = await File.ReadAllBytesAsync(file);
        await silo.ProcessAsync("warm-up", body);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await Parallel.ForEachAsync(Enumerable.Range(0, sessions), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => await silo.ProcessAsync($"s{i}", body, ct));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perSession = (after - before) / (double)sessions;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}: {sessions} session grains active, " +
            $"{perSession / 1024:F1} KiB of heap each; 8 GiB would hold about {8L * 1024 * 1024 * 1024 / perSession / 1000:F0} thousand");
    }
}
