using System.Buffers;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Finds where a JSON object or array ends from its brackets and strings alone, at a fraction of
/// what tokenizing it costs: for handing whole values to other threads, whose reader then checks
/// every byte. Resumable: when the text ends first, scanning goes on from where it stopped.
/// Brackets that do not pair up, or nesting over 64 levels, end the scan without an answer.
/// </summary>
public struct JsonValueEnd
{
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> StringEnds = SearchValues.Create("\"\\"u8);

    private int scanned;
    private int depth;
    private ulong arrays;
    private bool inString;

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

        while (scanned < text.Length)
        {
            var rest = text[scanned..];
            var next = inString ? rest.IndexOfAny(StringEnds) : rest.IndexOfAny(Structure);
            if (next < 0)
            {
                scanned = text.Length;
                return Result.NeedMore;
            }

            var at = scanned + next;
            var b = text[at];
            if (inString)
            {
                if (b == '\\')
                {
                    if (at + 1 >= text.Length)
                    {
                        scanned = at;
                        return Result.NeedMore;
                    }

                    scanned = at + 2;
                    continue;
                }

                inString = false;
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                if (depth == 64)
                {
                    return Result.NoAnswer;
                }

                arrays = b == '[' ? arrays | (1UL << depth) : arrays & ~(1UL << depth);
                depth++;
            }
            else
            {
                depth--;
                if (((arrays >> depth) & 1) != (b == ']' ? 1UL : 0UL))
                {
                    return Result.NoAnswer;
                }

                if (depth == 0)
                {
                    Length = at + 1 - ValueStart;
                    return Result.Found;
                }
            }

            scanned = at + 1;
        }

        return Result.NeedMore;
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
