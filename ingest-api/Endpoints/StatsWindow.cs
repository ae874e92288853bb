using System.Globalization;
using System.Text.RegularExpressions;

namespace IceWatch.IngestApi.Endpoints;

/// <summary>A stats window such as <c>30s</c>, <c>5m</c>, <c>1h</c> or <c>24h</c>, at most 30 days.</summary>
public static partial class StatsWindow
{
    public const string Default = "5m";
    public static readonly TimeSpan Max = TimeSpan.FromDays(30);

    public static bool TryParse(string? text, out TimeSpan window, out string error)
    {
        window = default;
        error = "";
        var match = Pattern().Match(text ?? "");
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"window '{text}' is not a duration: use a positive number followed by s, m, h or d (e.g. 30s, 5m, 1h, 24h).";
            return false;
        }

        var seconds = match.Groups[2].Value switch { "s" => 1L, "m" => 60L, "h" => 3600L, _ => 86400L };
        if (amount == 0 || amount > (long)Max.TotalSeconds / seconds)
        {
            error = $"window '{text}' must be greater than 0 and at most 30d.";
            return false;
        }
        window = TimeSpan.FromSeconds(amount * seconds);
        return true;
    }

    [GeneratedRegex("^([0-9]{1,9})([smhd])$")]
    private static partial Regex Pattern();
}
