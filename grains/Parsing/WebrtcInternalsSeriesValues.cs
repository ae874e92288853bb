using System.Text;
using System.Text.Json;

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

    /// <summary>The points as the contract carries them: string, bool, long or double.</summary>
    public static object?[] Scalars(ReadOnlySpan<byte> array, Where path)
    {
        var points = new object?[Count(array, path)];
        var reader = Open(array, path);
        for (var i = 0; Next(ref reader, path); i++)
        {
            points[i] = (reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.Number when reader.TryGetInt64(out var l) => l,
                JsonTokenType.Number => reader.GetDouble(),
                JsonTokenType.Null => null,
                _ => RawText(ref reader, array),
            });
        }

        return points;
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
