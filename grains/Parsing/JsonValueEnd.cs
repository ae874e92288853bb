using System.Numerics;
using System.Runtime.Intrinsics;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Finds where a JSON object or array ends from its brackets and strings alone, at a fraction of
/// what tokenizing it costs: for handing whole values to other threads, whose reader then checks
/// every byte. Resumable: when the text ends first, scanning goes on from where it stopped.
/// Brackets that do not pair up, or nesting over 64 levels, end the scan without an answer.
/// </summary>
/// <remarks>
/// Dumps are mostly strings dense with escaped quotes, so 64 bytes are taken at a time as bit masks
/// (one bit per byte): which quotes are escaped follows from the runs of backslashes before them,
/// which bytes lie inside strings from a running XOR of the other quotes, and only brackets outside
/// strings are looked at one by one.
/// </remarks>
public struct JsonValueEnd
{
    private const ulong EvenBits = 0x5555_5555_5555_5555;

    private int scanned;
    private int depth;
    private ulong arrays;
    private bool inString;
    private bool escapeNext;

    public enum Result { Found, NeedMore, NoAnswer }

    /// <summary>Where the value starts in the text (after whitespace and a ':'), once known.</summary>
    public int ValueStart { get; private set; }

    /// <summary>The value's length from <see cref="ValueStart"/>, once found.</summary>
    public int Length { get; private set; }

    /// <summary>Scans the text (the same start, possibly longer than last time) for the value's end.</summary>
    public Result Scan(ReadOnlySpan<byte> text)
    {
        if (depth == 0 && !FindStart(text, out var result))
        {
            return result;
        }

        for (; scanned + 64 <= text.Length; scanned += 64)
        {
            var (quotes, backslashes, brackets) = Masks(text.Slice(scanned, 64));
            var quoted = InStrings(quotes & ~Escaped(backslashes));
            for (brackets &= ~quoted; brackets != 0; brackets &= brackets - 1)
            {
                var at = scanned + BitOperations.TrailingZeroCount(brackets);
                if (Bracket(text[at], at) is { } found)
                {
                    return found;
                }
            }
        }

        // The last bytes one at a time, with the same state.
        for (; scanned < text.Length; scanned++)
        {
            var b = text[scanned];
            if (escapeNext || b == '\\')
            {
                escapeNext = !escapeNext;
            }
            else if (b == '"')
            {
                inString = !inString;
            }
            else if (!inString && b is (byte)'{' or (byte)'[' or (byte)'}' or (byte)']' && Bracket(b, scanned) is { } found)
            {
                return found;
            }
        }

        return Result.NeedMore;
    }

    // One bit per byte of the 64: quotes, backslashes, brackets ('{' and '[' differ by 0x20 only, as do '}' and ']').
    private static (ulong Quotes, ulong Backslashes, ulong Brackets) Masks(ReadOnlySpan<byte> block)
    {
        var (quotes, backslashes, brackets) = (0UL, 0UL, 0UL);
        for (var i = 0; i < 4; i++)
        {
            var bytes = Vector128.Create(block.Slice(i * 16, 16));
            var folded = bytes | Vector128.Create((byte)0x20);
            var bracket = Vector128.Equals(folded, Vector128.Create((byte)'{')) | Vector128.Equals(folded, Vector128.Create((byte)'}'));
            quotes |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << (i * 16);
            backslashes |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\\')).ExtractMostSignificantBits() << (i * 16);
            brackets |= (ulong)bracket.ExtractMostSignificantBits() << (i * 16);
        }

        return (quotes, backslashes, brackets);
    }

    // The bytes escaped by a backslash: those just after a run of backslashes of odd length. Adding a
    // run's lowest bit to the run carries to the byte after it; from an even start that byte is odd
    // when the run's length is odd, and from an odd start even.
    private ulong Escaped(ulong backslashes)
    {
        var carried = escapeNext ? 1UL : 0UL;
        var runs = backslashes & ~carried;
        var starts = runs & ~(runs << 1);
        var fromEven = (runs + (starts & EvenBits)) & ~runs & ~EvenBits;
        var oddSum = runs + (starts & ~EvenBits);
        var fromOdd = oddSum & ~runs & EvenBits;
        escapeNext = oddSum < runs;
        return fromEven | fromOdd | carried;
    }

    // The bytes inside strings (an opening quote included, a closing one not), given the quotes that open or close one.
    private ulong InStrings(ulong quotes)
    {
        quotes ^= quotes << 1;
        quotes ^= quotes << 2;
        quotes ^= quotes << 4;
        quotes ^= quotes << 8;
        quotes ^= quotes << 16;
        quotes ^= quotes << 32;
        var inside = inString ? ~quotes : quotes;
        inString = (inside >> 63) != 0;
        return inside;
    }

    // Takes an opening or closing bracket outside strings; a result when the scan ends there.
    private Result? Bracket(byte b, int at)
    {
        if (b is (byte)'{' or (byte)'[')
        {
            if (depth == 64)
            {
                return Result.NoAnswer;
            }

            arrays = b == '[' ? arrays | (1UL << depth) : arrays & ~(1UL << depth);
            depth++;
            return null;
        }

        depth--;
        if (((arrays >> depth) & 1) != (b == ']' ? 1UL : 0UL))
        {
            return Result.NoAnswer;
        }

        if (depth > 0)
        {
            return null;
        }

        Length = at + 1 - ValueStart;
        return Result.Found;
    }

    // Passes over whitespace and the ':' before the value, which must open an object or array.
    private bool FindStart(ReadOnlySpan<byte> text, out Result result)
    {
        var at = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (at >= 0 && text[at] == ':')
        {
            var after = text[(at + 1)..].IndexOfAnyExcept(" \t\r\n"u8);
            at = after < 0 ? -1 : at + 1 + after;
        }

        if (at < 0)
        {
            result = Result.NeedMore;
            return false;
        }

        if (text[at] is not ((byte)'{' or (byte)'['))
        {
            result = Result.NoAnswer;
            return false;
        }

        ValueStart = at;
        arrays = text[at] == '[' ? 1UL : 0UL;
        depth = 1;
        scanned = at + 1;
        result = default;
        return true;
    }
}
