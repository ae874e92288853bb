using System.Text;
using System.Text.Json;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// The points of one webrtc-internals stats series: a JSON array that Chrome stores as text inside
/// a JSON string ("[1,2,3]", or "[\"a\",\"b\"]" with its quotes escaped), or in some versions as an
/// array. Read straight from the dump's bytes; only text with escapes is copied, into a reused buffer.
/// </summary>
public sealed class WebrtcInternalsSeriesValues
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = UploadLimits.MaxJsonDepth };
    private byte[] scratch = new byte[16 * 1024];

    /// <summary>The array's JSON text, or an empty span when the series has no values.</summary>
    public ReadOnlySpan<byte> ArrayText(JsonToken values, Where path) => values.Type switch
    {
        JsonTokenType.StartArray => values.Raw,
        JsonTokenType.String => values.Utf8Text(ref scratch),
        JsonTokenType.None or JsonTokenType.Null => [],
        _ => throw new UploadFormatException($"expected a JSON array at {path.ToString()}, found {JsonShape.Describe(Kind(values.Type))}"),
    };

    /// <summary>How many points the array holds, without decoding them when it holds only numbers.</summary>
    public static int Count(ReadOnlySpan<byte> array, Where path)
    {
        var trimmed = array.Trim(" \t\r\n"u8);
        if (trimmed.Length >= 2 && trimmed[0] == '[' && trimmed[^1] == ']' && trimmed[1..^1].IndexOfAny("\"[{"u8) < 0)
        {
            return trimmed[1..^1].Trim(" \t\r\n"u8).IsEmpty ? 0 : trimmed.Count((byte)',') + 1;
        }

        var count = 0;
        var reader = Open(array, path);
        while (Next(ref reader, path))
        {
            reader.Skip();
            count++;
        }

        return count;
    }

    /// <summary>
    /// How many points the series holds, without decoding them when they are plain numbers or plain
    /// strings; works on the values' token as it stands in the dump (escaped when it is a string).
    /// </summary>
    public int Count(JsonToken values, Where path) =>
        values.Type == JsonTokenType.String && TryCountStrings(values.Raw[1..^1], out var count) ? count : Count(ArrayText(values, path), path);

    /// <summary>Appends the points to <paramref name="points"/>: string, bool, long, double or nothing; returns how many.</summary>
    public static int Read(ReadOnlySpan<byte> array, Where path, List<StatValue> points)
    {
        var reader = Open(array, path);
        var count = 0;
        ReadOnlySpan<byte> lastText = default;
        string? last = null;
        for (; Next(ref reader, path); count++)
        {
            points.Add(reader.TokenType switch
            {
                // Points of a series repeat: one string for a run of equal ones.
                JsonTokenType.String when !reader.ValueIsEscaped && last is not null && reader.ValueSpan.SequenceEqual(lastText) => StatValue.Of(last),
                JsonTokenType.String => StatValue.Of(Remember(ref reader, ref lastText, ref last)),
                JsonTokenType.True => StatValue.Of(true),
                JsonTokenType.False => StatValue.Of(false),
                JsonTokenType.Number when reader.TryGetInt64(out var l) => StatValue.Of(l),
                JsonTokenType.Number => StatValue.Of(reader.GetDouble()),
                JsonTokenType.Null => default,
                _ => StatValue.Of(RawText(ref reader, array)),
            });
        }

        return count;
    }

    /// <summary>The points as numbers (NaN for any other value): the times of a timestamp series.</summary>
    public static double[] Numbers(ReadOnlySpan<byte> array, Where path)
    {
        var numbers = new double[Count(array, path)];
        var reader = Open(array, path);
        for (var i = 0; Next(ref reader, path); i++)
        {
            numbers[i] = reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : double.NaN;
            reader.Skip();
        }

        return numbers;
    }

    /// <summary>Where a series' array stands in the dump, spelled out only for an error.</summary>
    public readonly ref struct Where(string peerConnectionPath, ReadOnlySpan<byte> key, string property)
    {
        private readonly ReadOnlySpan<byte> key = key;

        public Where Of(string otherProperty) => new(peerConnectionPath, key, otherProperty);

        public override string ToString() => $"{peerConnectionPath}.stats[\"{Encoding.UTF8.GetString(key)}\"].{property}";
    }

    private static Utf8JsonReader Open(ReadOnlySpan<byte> array, Where path)
    {
        var reader = new Utf8JsonReader(array, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new UploadFormatException($"expected a JSON array at {path.ToString()}");
            }
        }
        catch (JsonException e)
        {
            throw new UploadFormatException($"expected a JSON array at {path.ToString()}: {e.Message}", e);
        }

        return reader;
    }

    // Moves to the next point; false at the end of the array (and checks nothing follows it).
    private static bool Next(ref Utf8JsonReader reader, Where path)
    {
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.EndArray || reader.CurrentDepth != 0)
            {
                return true;
            }

            if (reader.Read())
            {
                throw new UploadFormatException($"expected one JSON array at {path.ToString()}");
            }

            return false;
        }
        catch (JsonException e)
        {
            throw new UploadFormatException($"expected a JSON array at {path.ToString()}: {e.Message}", e);
        }
    }

    private static string Remember(ref Utf8JsonReader reader, ref ReadOnlySpan<byte> lastText, ref string? last)
    {
        var text = reader.GetString()!;
        lastText = reader.ValueIsEscaped ? default : reader.ValueSpan;
        last = reader.ValueIsEscaped ? null : text;
        return text;
    }

    // A series of strings as Chrome writes it, ["a","b"] escaped inside a JSON string: with no
    // backslash of its own in any point, every quote in the text is one of the points' quotes, so
    // when there are two per comma-separated point the points are all strings, with no comma inside.
    private static bool TryCountStrings(ReadOnlySpan<byte> escaped, out int count)
    {
        count = 0;
        var text = escaped.Trim(" \t\r\n"u8);
        var quotes = text.Count((byte)'"');
        if (quotes == 0 || text.Length < 2 || text[0] != '[' || text[^1] != ']' || text.IndexOf("\\\\"u8) >= 0 || text.IndexOf("\\u"u8) >= 0
            || text[1..^1].IndexOfAny("[]{}"u8) >= 0)
        {
            return false;
        }

        var commas = text.Count((byte)',');
        count = quotes / 2;
        return quotes % 2 == 0 && count == commas + 1;
    }

    private static string RawText(ref Utf8JsonReader reader, ReadOnlySpan<byte> array)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(array[start..(int)reader.BytesConsumed]);
    }

    private static JsonValueKind Kind(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Undefined,
    };
}
