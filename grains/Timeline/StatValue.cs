using System.Globalization;

namespace IceWatch.Grains.Timeline;

/// <summary>
/// One getStats value as a reader found it, held without boxing: a string, a boolean, a whole
/// number, another number, or nothing (missing or null). Read back as the fold reads any value:
/// a number may be asked for as text, a numeric string as a number.
/// </summary>
public readonly struct StatValue
{
    private readonly string? text;
    private readonly long bits;
    private readonly Kind kind;

    private StatValue(Kind kind, string? text, long bits)
    {
        this.kind = kind;
        this.text = text;
        this.bits = bits;
    }

    private enum Kind : byte { Nothing, String, Boolean, Whole, Number, Other }

    public bool IsNothing => kind == Kind.Nothing;

    public static StatValue Of(string? text) => text is null ? default : new(Kind.String, text, 0);

    public static StatValue Of(bool value) => new(Kind.Boolean, null, value ? 1 : 0);

    public static StatValue Of(long value) => new(Kind.Whole, null, value);

    public static StatValue Of(double value) => new(Kind.Number, null, BitConverter.DoubleToInt64Bits(value));

    /// <summary>A value as events carry it (string, bool, long or double; int too).</summary>
    public static StatValue FromObject(object? value) => value switch
    {
        null => default,
        string s => Of(s),
        bool b => Of(b),
        long l => Of(l),
        int i => Of((long)i),
        double d => Of(d),
        _ => new(Kind.Other, Convert.ToString(value, CultureInfo.InvariantCulture), 0),
    };

    /// <summary>The value as events carry it: string, bool, long, double or null.</summary>
    public object? ToObject() => kind switch
    {
        Kind.String or Kind.Other => text,
        Kind.Boolean => bits != 0 ? True : False,
        Kind.Whole => bits,
        Kind.Number => Number,
        _ => null,
    };

    public string? Str() => kind switch
    {
        Kind.String or Kind.Other => text,
        Kind.Boolean => bits != 0 ? "true" : "false",
        Kind.Whole => bits.ToString(CultureInfo.InvariantCulture),
        Kind.Number => Number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public long? Long() => kind switch
    {
        Kind.Whole => bits,
        Kind.Number when !double.IsNaN(Number) && !double.IsInfinity(Number) => (long)Number,
        Kind.String when long.TryParse(text, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    public double? Double() => kind switch
    {
        Kind.Number => Number,
        Kind.Whole => bits,
        Kind.String when double.TryParse(text, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public bool? Bool() => kind switch
    {
        Kind.Boolean => bits != 0,
        Kind.String when bool.TryParse(text, out var b) => b,
        _ => null,
    };

    private double Number => BitConverter.Int64BitsToDouble(bits);

    private static readonly object True = true;
    private static readonly object False = false;
}
