namespace IceWatch.Grains.Parsing;

/// <summary>
/// The expiry of a TURN REST ephemeral username ("&lt;unix seconds&gt;:&lt;user&gt;", or just the seconds).
/// </summary>
public static class TurnUsernameExpiry
{
    // Before 2001 or after 2286 a number is no plausible expiry but some other numeric user name.
    private const long MinSeconds = 1_000_000_000;
    private const long MaxSeconds = 9_999_999_999;

    public static DateTimeOffset? Parse(string? username)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return null;
        }

        var colon = username.IndexOf(':');
        var head = colon < 0 ? username : username[..colon];
        if (!long.TryParse(head, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        return FromSeconds(seconds);
    }

    /// <summary>An expiry given as a number (seconds since the epoch), when plausible.</summary>
    public static DateTimeOffset? FromSeconds(double seconds) =>
        seconds is >= MinSeconds and <= MaxSeconds
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;
}
