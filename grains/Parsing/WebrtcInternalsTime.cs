using System.Globalization;
using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads the times of a webrtc-internals dump. Chrome wrote them differently over the years:
/// milliseconds since the epoch (as numbers or numeric strings), ISO 8601, or the browser's
/// locale date string without a zone (taken as UTC, the only reading that needs no guess).
/// </summary>
public static class WebrtcInternalsTime
{
    private static readonly string[] LocaleFormats =
    [
        "M/d/yyyy, h:mm:ss tt", "M/d/yyyy, h:mm:ss.FFF tt", "M/d/yyyy, H:mm:ss", "M/d/yyyy h:mm:ss tt",
        "M/d/yyyy H:mm:ss", "d/M/yyyy, HH:mm:ss", "d/M/yyyy HH:mm:ss", "d/M/yyyy, h:mm:ss tt",
        "d.M.yyyy, HH:mm:ss", "d.M.yyyy HH:mm:ss", "d.M.yyyy, H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d, H:mm:ss",
        "yyyy-M-d H:mm:ss", "yyyy-M-d, H:mm:ss", "yyyy. M. d. H:mm:ss", "d-M-yyyy HH:mm:ss",
        "ddd MMM d yyyy HH:mm:ss", "ddd, d MMM yyyy HH:mm:ss",
    ];

    public static DateTimeOffset? Parse(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var ms) => FromMilliseconds(ms),
        JsonValueKind.String => Parse(value.GetString()),
        _ => null,
    };

    public static DateTimeOffset? Parse(JsonToken value) => value.Type switch
    {
        JsonTokenType.Number when value.TryGetDouble(out var ms) => FromMilliseconds(ms),
        JsonTokenType.String when TryParseUtc(value.Raw[1..^1], out var time) => time,
        JsonTokenType.String => Parse(value.Text()),
        _ => null,
    };

    // What Chrome writes since M1xx: "2026-11-22T06:16:05.670Z", read without a string.
    private static bool TryParseUtc(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || text[19] != '.' || text[23] != 'Z'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..19], out var second)
            || !TryDigits(text[20..23], out var ms)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, ms, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (d - '0');
        }

        return true;
    }

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = Normalize(text);
        if (double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
        {
            return FromMilliseconds(ms);
        }

        if (LooksLikeIso(normalized)
            && DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
        {
            return iso;
        }

        // Date.prototype.toString() appends " GMT+0100 (Central European Standard Time)".
        var gmt = normalized.IndexOf(" GMT", StringComparison.Ordinal);
        if (gmt > 0)
        {
            return ParseWithOffset(normalized[..gmt], normalized[(gmt + 4)..]);
        }

        return DateTime.TryParseExact(normalized, LocaleFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var local)
            ? new DateTimeOffset(local, TimeSpan.Zero)
            : null;
    }

    private static DateTimeOffset? FromMilliseconds(double ms)
    {
        // Seconds rather than milliseconds would land in 1970: accept both.
        if (ms is > 1e9 and < 1e10)
        {
            ms *= 1000;
        }

        return ms is > 1e12 and < 1e14 ? DateTimeOffset.UnixEpoch.AddMilliseconds(ms) : null;
    }

    private static DateTimeOffset? ParseWithOffset(string dateText, string zoneText)
    {
        var date = Parse(dateText);
        var sign = zoneText.Length > 0 && zoneText[0] == '-' ? -1 : 1;
        var digits = new string(zoneText.TakeWhile(c => char.IsDigit(c) || c is '+' or '-').Where(char.IsDigit).ToArray());
        if (date is null || digits.Length != 4)
        {
            return date;
        }

        var offset = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
        return date.Value - sign * offset;
    }

    private static bool LooksLikeIso(string text) =>
        text.Length >= 10 && char.IsDigit(text[0]) && text[4] == '-' && text[7] == '-';

    // Newer ICU puts a narrow no-break space before AM/PM; some locales add U+200E marks.
    private static string Normalize(string text)
    {
        var chars = text.Trim().Select(c => c is '\u202F' or '\u00A0' or '\u2009' ? ' ' : c).Where(c => c is not ('\u200E' or '\u200F'));
        return new string(chars.ToArray());
    }
}
