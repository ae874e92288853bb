using System.Text;

namespace IceWatch.Silo;

/// <summary>
/// Caps strings that come from uploads before they become part of an index key: a btree entry must fit
/// in a third of a page, and a 100 KB peer connection id or candidate type would fail its whole session.
/// The cap is deterministic, so the same input always lands in the same key.
/// </summary>
internal static class KeyText
{
    public const int MaxBytes = 256;
    public const int MaxUrlBytes = 1024;

    public static string Cap(string value, int maxBytes = MaxBytes)
    {
        if (value.Length * 3 <= maxBytes || Encoding.UTF8.GetByteCount(value) <= maxBytes) return value;
        var bytes = 0;
        var length = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes) break;
            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        return value[..length];
    }

    public static string? CapOrNull(string? value, int maxBytes = MaxBytes) => value is null ? null : Cap(value, maxBytes);
}
