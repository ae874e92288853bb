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

    public static IReadOnlyList<WindowCounts> Count(IReadOnlyList<TimeSpan> windows, IReadOnlyCollection<MinuteCount> minutes, DateTimeOffset now) =>
        windows.Select(w => Count(w, minutes.Where(m => m.Minute >= FirstMinute(w, now) && m.Minute <= now))).ToList();

    public static WindowCounts Count(TimeSpan window, IEnumerable<MinuteCount> minutes)
    {
        long total = 0, failed = 0;
        var byCategory = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var m in minutes)
        {
            if (m.Outcome is not (Outcomes.Connected or Outcomes.Failed)) continue;
            total += m.PeerConnections;
            if (m.Outcome != Outcomes.Failed || !Categories.CountsAsIceFailure(m.Category)) continue;
            failed += m.PeerConnections;
            var category = m.Category.Length == 0 ? Categories.Unknown : m.Category;
            byCategory[category] = byCategory.GetValueOrDefault(category) + m.PeerConnections;
        }
        return new WindowCounts(window, total, failed, byCategory);
    }
}
