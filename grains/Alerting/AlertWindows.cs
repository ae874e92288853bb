using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Alerting;

/// <summary>Sums minute buckets into the windows a rule evaluates.</summary>
public static class AlertWindows
{
    /// <summary>The first minute bucket a window ending at now reads: the one containing its start counts whole.</summary>
    public static DateTimeOffset FirstMinute(TimeSpan window, DateTimeOffset now)
    {
        var from = now - window;
        return new DateTimeOffset(from.UtcTicks - from.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    public static IReadOnlyList<WindowCounts> Count(IReadOnlyList<TimeSpan> windows, IReadOnlyCollection<ClientMinuteCount> minutes, DateTimeOffset now) =>
        windows.Select(w => Count(w, minutes.Where(m => m.Minute >= FirstMinute(w, now) && m.Minute <= now))).ToList();

    /// <summary>The window's clients and peer connections: each client counts once, failed when any of its peer connections failed ICE.</summary>
    public static WindowCounts Count(TimeSpan window, IEnumerable<ClientMinuteCount> minutes)
    {
        long total = 0, failed = 0;
        var byCategory = new Dictionary<string, long>(StringComparer.Ordinal);
        var clients = new HashSet<string>(StringComparer.Ordinal);
        var failedClients = new HashSet<string>(StringComparer.Ordinal);
        var clientsByCategory = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var m in minutes)
        {
            if (m.Outcome is not (Outcomes.Connected or Outcomes.Failed) || m.PeerConnections <= 0) continue;
            total += m.PeerConnections;
            clients.Add(m.Client);
            if (m.Outcome != Outcomes.Failed || !Categories.CountsAsIceFailure(m.Category)) continue;
            failed += m.PeerConnections;
            failedClients.Add(m.Client);
            var category = m.Category.Length == 0 ? Categories.Unknown : m.Category;
            byCategory[category] = byCategory.GetValueOrDefault(category) + m.PeerConnections;
            if (!clientsByCategory.TryGetValue(category, out var seen)) clientsByCategory[category] = seen = new HashSet<string>(StringComparer.Ordinal);
            seen.Add(m.Client);
        }
        return new WindowCounts(window, total, failed, byCategory)
        {
            Clients = clients.Count,
            FailedClients = failedClients.Count,
            FailedClientsByCategory = clientsByCategory.ToDictionary(c => c.Key, c => (long)c.Value.Count, StringComparer.Ordinal),
        };
    }
}
