using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// JSON tokens found in bytes by the rules Utf8JsonReader checks, for scanners that read a known
/// shape without it. Each method gives the index just past the token, or -1 when the bytes are not
/// that token or when they are anything only the reader should judge (a \u escape, a byte above
/// ASCII in a string) or could go on past the buffer's end.
/// </summary>
public static class JsonScan
{
    /// <summary>True when the byte at <paramref name="at"/> is there and is <paramref name="expected"/>.</summary>
    public static bool Is(ReadOnlySpan<byte> input, int at, byte expected) => (uint)at < (uint)input.Length && input[at] == expected;

    /// <summary>The first byte from <paramref name="at"/> on that is not JSON white space (-1 stays -1).</summary>
    public static int SkipSpace(ReadOnlySpan<byte> input, int at)
    {
        while ((uint)at < (uint)input.Length && input[at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            at++;
        }

        return at;
    }

    /// <summary>
    /// Where the next value of an object or array starts: after white space, and a comma and more white space when
    /// it follows a value (<paramref name="afterValue"/>); -1 when that comma is missing.
    /// </summary>
    public static int NextValue(ReadOnlySpan<byte> input, bool afterValue)
    {
        var at = SkipSpace(input, 0);
        return !afterValue ? at : Is(input, at, (byte)',') ? SkipSpace(input, at + 1) : -1;
    }

    /// <summary>Just past the string, number or literal that starts at <paramref name="at"/>; -1 for anything else.</summary>
    public static int ScalarEnd(ReadOnlySpan<byte> input, int at, out JsonTokenType type)
    {
        type = JsonTokenType.None;
        if ((uint)at >= (uint)input.Length)
        {
            return -1;
        }

        switch (input[at])
        {
            case (byte)'"':
                type = JsonTokenType.String;
                return StringEnd(input, at, out _);
            case (byte)'t':
                type = JsonTokenType.True;
                return Literal(input, at, "true"u8);
            case (byte)'f':
                type = JsonTokenType.False;
                return Literal(input, at, "false"u8);
            case (byte)'n':
                type = JsonTokenType.Null;
                return Literal(input, at, "null"u8);
            default:
                type = JsonTokenType.Number;
                return NumberEnd(input, at);
        }
    }

    private static int Literal(ReadOnlySpan<byte> input, int at, ReadOnlySpan<byte> literal) =>
        input.Length > at + literal.Length && input.Slice(at, literal.Length).SequenceEqual(literal) ? at + literal.Length : -1;

    // RFC 8259 numbers only: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private static int NumberEnd(ReadOnlySpan<byte> input, int at)
    {
        at = Is(input, at, (byte)'-') ? at + 1 : at;
        var integer = Is(input, at, (byte)'0') ? at + 1 : IsDigit(input, at) ? Digits(input, at) : -1;
        if (integer < 0)
        {
            return -1;
        }

        at = integer;
        if (Is(input, at, (byte)'.'))
        {
            at = Digits(input, at + 1) is var fraction && fraction > at + 1 ? fraction : -1;
        }

        if (at >= 0 && (Is(input, at, (byte)'e') || Is(input, at, (byte)'E')))
        {
            at = Is(input, at + 1, (byte)'+') || Is(input, at + 1, (byte)'-') ? at + 2 : at + 1;
            at = Digits(input, at) is var exponent && exponent > at ? exponent : -1;
        }

        return at >= 0 && at < input.Length ? at : -1;
    }

    private static bool IsDigit(ReadOnlySpan<byte> input, int at) => (uint)at < (uint)input.Length && input[at] is >= (byte)'0' and <= (byte)'9';

    private static int Digits(ReadOnlySpan<byte> input, int at)
    {
        while (IsDigit(input, at))
        {
            at++;
        }

        return at;
    }

    /// <summary>Just past the closing quote of the string that starts at <paramref name="at"/>; -1 unless each of its bytes is printable ASCII or in a one-letter escape.</summary>
    public static int StringEnd(ReadOnlySpan<byte> input, int at, out bool escaped)
    {
        escaped = false;
        if (!Is(input, at, (byte)'"'))
        {
            return -1;
        }

        at++;
        while (true)
        {
            at = NextStop(input, at);
            if (at >= input.Length)
            {
                return -1;
            }

            if (input[at] == '"')
            {
                return at + 1;
            }

            if (input[at] != '\\' || at + 1 >= input.Length || !IsOneLetterEscape(input[at + 1]))
            {
                return -1;
            }

            escaped = true;
            at += 2;
        }
    }

    // The first quote, backslash, control byte or byte above ASCII from `at` on, 16 bytes at a time (as signed bytes, the last two are both below a space).
    private static int NextStop(ReadOnlySpan<byte> input, int at)
    {
        var quote = Vector128.Create((byte)'"');
        var backslash = Vector128.Create((byte)'\\');
        var space = Vector128.Create((sbyte)' ');
        for (; at + Vector128<byte>.Count <= input.Length; at += Vector128<byte>.Count)
        {
            var bytes = Vector128.Create(input.Slice(at, Vector128<byte>.Count));
            var stops = Vector128.Equals(bytes, quote) | Vector128.Equals(bytes, backslash) | Vector128.LessThan(bytes.AsSByte(), space).AsByte();
            var mask = stops.ExtractMostSignificantBits();
            if (mask != 0)
            {
                return at + BitOperations.TrailingZeroCount(mask);
            }
        }

        while (at < input.Length && input[at] is >= (byte)' ' and < 0x80 and not (byte)'"' and not (byte)'\\')
        {
            at++;
        }

        return at;
    }

    private static bool IsOneLetterEscape(byte b) =>
        b is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t';
}
