namespace IceWatch.Grains.Regions;

/// <summary>Compact window names for RegionStats.Window: 90s, 15m, 1h, 7d.</summary>
public static class WindowText
{
    public static string Format(TimeSpan window) =>
        window.Ticks % TimeSpan.TicksPerDay == 0 ? $"{window.Ticks / TimeSpan.TicksPerDay}d"
        : window.Ticks % TimeSpan.TicksPerHour == 0 ? $"{window.Ticks / TimeSpan.TicksPerHour}h"
        : window.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{window.Ticks / TimeSpan.TicksPerMinute}m"
        : $"{(long)Math.Ceiling(window.TotalSeconds)}s";
}
