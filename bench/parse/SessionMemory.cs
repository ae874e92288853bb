using System.Globalization;
using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;
using IceWatch.Grains.Sessions;

namespace IceWatch.Bench.Parse;

/// <summary>
/// Memory of an active session: N session grains fed the same upload and all held at once; the
/// managed heap growth divided by N, and the state's JSON size (what PostgreSQL stores per session).
/// </summary>
public static class SessionMemory
{
    public static string Measure(string file, int sessions)
    {
        IReadOnlyList<IceEvent> events;
        using (var stream = File.OpenRead(file)) events = UploadReader.Read(stream).ToList();
        var now = DateTimeOffset.UtcNow;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var grains = new List<SessionGrain>(sessions);
        for (var i = 0; i < sessions; i++)
        {
            var grain = new SessionGrain(new SessionState { SessionId = $"s{i}" }, SessionOptions.Default);
            grain.Apply(events, now);
            grains.Add(grain);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var json = JsonSerializer.SerializeToUtf8Bytes(grains[0].State, GrainJson.Options).Length;
        GC.KeepAlive(grains);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(file)}: {events.Count} events, {grains[0].State.PeerConnections.Count} peer connections; " +
            $"{(after - before) / (double)sessions / 1024:F1} KB heap per session held in memory ({sessions} sessions), state JSON {json / 1024.0:F1} KB");
    }
}
