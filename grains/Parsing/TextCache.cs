using System.Text;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Short texts a reader meets many times over (stats types, update-log types), decoded once: a
/// string token of plain ASCII up to 64 bytes gives what <paramref name="make"/> gave for it the first
/// time. At most 64 are kept, so hostile input costs no more than decoding every time.
/// </summary>
public sealed class TextCache<T>(Func<string, T> make)
{
    private const int MaxLength = 64;
    private const int MaxEntries = 64;
    private readonly Dictionary<string, T> known = new(StringComparer.Ordinal);

    /// <summary>What the string token's text makes.</summary>
    public T Get(JsonToken token)
    {
        var raw = token.Raw[1..^1];
        if (raw.Length > MaxLength || !token.IsPlainText)
        {
            return make(token.Text());
        }

        Span<char> chars = stackalloc char[raw.Length];
        Encoding.ASCII.GetChars(raw, chars);
        if (known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var value))
        {
            return value;
        }

        var text = new string(chars);
        value = make(text);
        if (known.Count < MaxEntries)
        {
            known[text] = value;
        }

        return value;
    }
}
